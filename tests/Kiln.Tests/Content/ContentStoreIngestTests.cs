using System.Runtime.Versioning;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Content;

public sealed class ContentStoreIngestTests : IDisposable
{
    private readonly TempRoot root = new();
    private readonly ContentStore store;

    public ContentStoreIngestTests() => store = new ContentStore(root.Paths);

    public void Dispose() => root.Dispose();

    public static TheoryData<string, int> Blobs => new()
    {
        { Digest.Sha256Algorithm, 0 },
        { Digest.Sha256Algorithm, 1 },
        { Digest.Sha256Algorithm, 300_000 },
        { Digest.Sha512Algorithm, 12_345 },
    };

    [Theory]
    [MemberData(nameof(Blobs))]
    public async Task IngestedStreamIsStoredUnderItsDigest(string algorithm, int size)
    {
        var data = Bytes(size, seed: 7);
        var digest = Digest.Compute(algorithm, data);

        var info = await store.IngestAsync(new ScriptedStream(data), digest, size, CancellationToken.None);

        Assert.Equal(new ContentInfo(digest, size), info);
        Assert.Equal(data, await store.ReadAllBytesAsync(digest, CancellationToken.None));
        Assert.True(await store.ExistsAsync(digest, CancellationToken.None));
        Assert.Equal(size, (await store.InfoAsync(digest, CancellationToken.None))?.Size);
        Assert.True(await store.VerifyAsync(digest, CancellationToken.None));
        Assert.Equal(Path.Combine(root.Paths.BlobsDirectory, algorithm, digest.Hex), store.BlobPath(digest));
        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task BlobsAreReadOnlyFiles()
    {
        var data = Bytes(10, seed: 1);
        var digest = Digest.Sha256(data);
        await store.WriteAsync(digest, data, CancellationToken.None);

        var mode = File.GetUnixFileMode(store.BlobPath(digest));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, mode);
    }

    [Fact]
    public async Task ComputedIngestReturnsTheDigestOfTheBytes()
    {
        var data = Bytes(70_000, seed: 3);

        var info = await store.IngestAsync(new ScriptedStream(data), Digest.Sha512Algorithm, CancellationToken.None);

        Assert.Equal(Digest.Compute(Digest.Sha512Algorithm, data), info.Digest);
        Assert.Equal(data.Length, info.Size);
        Assert.Equal(data, await store.ReadAllBytesAsync(info.Digest, CancellationToken.None));
    }

    [Fact]
    public async Task WriterStreamCommitsWhatWasWritten()
    {
        var data = Bytes(9_000, seed: 4);
        var writer = store.OpenWriter();
        await using (writer)
        {
            await writer.WriteAsync(data.AsMemory(0, 5_000));
            writer.Write(data, 5_000, 4_000);
            var info = await writer.CommitAsync(CancellationToken.None);
            Assert.Equal(Digest.Sha256(data), info.Digest);
        }

        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    public async Task DigestMismatchLeavesNothingBehind()
    {
        var data = Bytes(50_000, seed: 5);
        var wrong = Digest.Sha256(Bytes(50_000, seed: 6));

        var ex = await Assert.ThrowsAsync<KilnException>(() => store.IngestAsync(new ScriptedStream(data), wrong, data.Length, CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobDigestMismatch, ex.Code);
        Assert.Contains(wrong.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(Digest.Sha256(data).ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Empty(root.BlobFiles());
        Assert.Empty(root.IngestFiles());
        Assert.False(await store.ExistsAsync(wrong, CancellationToken.None));
    }

    [Fact]
    public async Task TruncatedStreamWithKnownSizeIsASizeMismatch()
    {
        var data = Bytes(10_000, seed: 8);
        var digest = Digest.Sha256(data);

        var ex = await Assert.ThrowsAsync<KilnException>(() => store.IngestAsync(new ScriptedStream(data[..6_000]), digest, data.Length, CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobSizeMismatch, ex.Code);
        Assert.Empty(root.BlobFiles());
        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    public async Task TruncatedStreamWithoutSizeIsADigestMismatch()
    {
        var data = Bytes(10_000, seed: 9);

        var ex = await Assert.ThrowsAsync<KilnException>(() => store.IngestAsync(new ScriptedStream(data[..9_999]), Digest.Sha256(data), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobDigestMismatch, ex.Code);
        Assert.Empty(root.BlobFiles());
        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    public async Task SourceLongerThanItsSizeIsStoppedEarly()
    {
        var source = new ScriptedStream(Bytes(100, seed: 10), endless: true);

        var ex = await Assert.ThrowsAsync<KilnException>(() => store.IngestAsync(source, Digest.Sha256([1, 2, 3]), 20_000, CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobSizeMismatch, ex.Code);
        Assert.True(source.Position < 1_000_000, $"read {source.Position} bytes of an endless stream");
        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    public async Task PresentBlobIsNotReadAgain()
    {
        var data = Bytes(4_000, seed: 11);
        var digest = Digest.Sha256(data);
        await store.WriteAsync(digest, data, CancellationToken.None);
        var source = new ScriptedStream(data);

        var info = await store.IngestAsync(source, digest, data.Length, CancellationToken.None);

        Assert.Equal(new ContentInfo(digest, data.Length), info);
        Assert.Equal(0, source.Reads);
    }

    [Fact]
    public async Task PresentBlobWithAnotherClaimedSizeIsASizeMismatch()
    {
        var data = Bytes(4_000, seed: 12);
        var digest = Digest.Sha256(data);
        await store.WriteAsync(digest, data, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<KilnException>(() => store.IngestAsync(new ScriptedStream(data), digest, 3_999, CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobSizeMismatch, ex.Code);
    }

    [Fact]
    public async Task CancelledIngestLeavesNoTempFile()
    {
        using var cts = new CancellationTokenSource();
        var data = Bytes(100_000, seed: 13);
        var source = new ScriptedStream(data) { BeforeRead = n => { if (n == 3) { cts.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.IngestAsync(source, Digest.Sha256(data), data.Length, cts.Token));

        Assert.Empty(root.IngestFiles());
        Assert.Empty(root.BlobFiles());
    }

    [Fact]
    public async Task DisposedWriterWithoutCommitLeavesNothing()
    {
        var writer = store.OpenWriter();
        await writer.WriteAsync(Bytes(100, seed: 14));
        Assert.Single(root.IngestFiles());

        await writer.DisposeAsync();

        Assert.Empty(root.IngestFiles());
        Assert.Empty(root.BlobFiles());
    }

    [Fact]
    public async Task NegativeSizeIsRejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.IngestAsync(new ScriptedStream([]), Digest.Sha256([]), -1, CancellationToken.None));

    [Fact]
    public async Task DefaultDigestNeverReachesTheFilesystem()
    {
        var ex = await Assert.ThrowsAsync<KilnException>(() => store.WriteAsync(default, new byte[] { 1 }, CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidDigest, ex.Code);
        Assert.Equal(ErrorCodes.InvalidDigest, Assert.Throws<KilnException>(() => store.BlobPath(default)).Code);
        Assert.Empty(root.IngestFiles());
    }

    internal static byte[] Bytes(int size, int seed)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }
}
