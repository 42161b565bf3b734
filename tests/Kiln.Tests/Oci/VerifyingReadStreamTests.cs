using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class VerifyingReadStreamTests
{
    private static readonly byte[] Content = Utf8("the quick brown fox jumps over the lazy dog");

    /// <summary>name | bytes actually served | expected error code (0: none).</summary>
    public static TheoryData<string, string, int> Cases => new()
    {
        { "exact content", "the quick brown fox jumps over the lazy dog", 0 },
        { "truncated body", "the quick brown fox", 1107 },
        { "empty body", "", 1107 },
        { "one byte extra", "the quick brown fox jumps over the lazy dog!", 1107 },
        { "much longer", "the quick brown fox jumps over the lazy dog and then keeps going for a while", 1107 },
        { "same size, different bytes", "the quick brown fox jumps over the lazy cat", 1102 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SyncCopyVerifies(string name, string served, int code)
    {
        using var stream = new VerifyingReadStream(new TrickleStream(Utf8(served)), Digest.Sha256(Content), Content.Length, "blob");
        var target = new MemoryStream();

        var ex = Record.Exception(() => stream.CopyTo(target, 7));

        Assert.True(code == ((ex as KilnException)?.Code.Number ?? 0), $"{name}: {ex}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AsyncCopyVerifies(string name, string served, int code)
    {
        await using var stream = new VerifyingReadStream(new TrickleStream(Utf8(served)), Descriptor.ForBytes("a/b", Content));
        var target = new MemoryStream();

        var ex = await Record.ExceptionAsync(() => stream.CopyToAsync(target, 5, CancellationToken.None));

        Assert.True(code == ((ex as KilnException)?.Code.Number ?? 0), $"{name}: {ex}");
        if (code == 0)
        {
            Assert.Equal(Content, target.ToArray());
        }
    }

    [Fact]
    public void DigestIsCheckedWhenTheExpectedSizeIsReachedWithoutReadingToEnd()
    {
        var wrong = Utf8("THE quick brown fox jumps over the lazy dog");
        using var stream = new VerifyingReadStream(new MemoryStream(wrong), Digest.Sha256(Content), Content.Length);
        var buffer = new byte[Content.Length];

        var ex = Assert.Throws<KilnException>(() => stream.ReadExactly(buffer));

        Assert.Equal(ErrorCodes.DigestMismatch, ex.Code);
    }

    [Fact]
    public void OverrunFailsOnTheReadThatCrossesTheSize()
    {
        using var stream = new VerifyingReadStream(new MemoryStream(Utf8("abcdef")), Digest.Sha256(Utf8("abc")), 3);
        var buffer = new byte[2];

        Assert.Equal(2, stream.Read(buffer));
        Assert.Equal(ErrorCodes.SizeMismatch, Assert.Throws<KilnException>(() => stream.Read(buffer)).Code);
    }

    [Fact]
    public void OverrunAfterTheExactSizeFailsOnTheNextRead()
    {
        using var stream = new VerifyingReadStream(new MemoryStream(Utf8("abcdef")), Digest.Sha256(Utf8("abc")), 3);
        var buffer = new byte[3];

        Assert.Equal(3, stream.Read(buffer));
        Assert.Equal(ErrorCodes.SizeMismatch, Assert.Throws<KilnException>(() => stream.Read(buffer)).Code);
    }

    [Fact]
    public void EmptyContentIsVerifiedAtEnd()
    {
        using var ok = new VerifyingReadStream(new MemoryStream(), Digest.Sha256([]), 0);
        using var bad = new VerifyingReadStream(new MemoryStream(), Digest.Sha256(Utf8("x")), 0);

        Assert.Equal(0, ok.Read(new byte[4]));
        Assert.Equal(0, ok.Read(new byte[4]));
        Assert.Equal(ErrorCodes.DigestMismatch, Assert.Throws<KilnException>(() => bad.Read(new byte[4])).Code);
    }

    [Fact]
    public void Sha512IsVerifiedToo()
    {
        using var stream = new VerifyingReadStream(new MemoryStream(Content), Digest.Compute("sha512", Content), Content.Length);

        stream.CopyTo(Stream.Null);

        Assert.Equal(Content.Length, stream.Position);
    }

    [Fact]
    public void DisposeLeavesTheInnerStreamOpenOnlyWhenAsked()
    {
        var kept = new MemoryStream(Content);
        var closed = new MemoryStream(Content);
        new VerifyingReadStream(kept, Digest.Sha256(Content), Content.Length, leaveOpen: true).Dispose();
        new VerifyingReadStream(closed, Digest.Sha256(Content), Content.Length).Dispose();

        Assert.True(kept.CanRead);
        Assert.False(closed.CanRead);
    }

    /// <summary>Serves at most three bytes per read, as a slow network would.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(3, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(3, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);
    }
}
