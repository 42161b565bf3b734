using Kiln.Diagnostics;
using Kiln.Streams;

namespace Kiln.Oci;

/// <summary>
/// A read-through stream that hashes what it reads and, at the end of the inner stream, throws
/// <see cref="ErrorCodes.SizeMismatch"/> or <see cref="ErrorCodes.DigestMismatch"/> unless the content is exactly
/// what the descriptor names. The digest is checked as soon as the expected size is reached (so a reader that stops
/// there is still protected), and reading past the expected size fails at once.
/// </summary>
internal sealed class VerifyingReadStream : ReadOnlyStream
{
    private readonly Stream inner;
    private readonly Digest expected;
    private readonly long expectedSize;
    private readonly string? source;
    private readonly bool leaveOpen;
    private readonly DigestHasher hasher;
    private bool digestChecked;
    private bool ended;

    /// <param name="inner">The content as received.</param>
    /// <param name="expected">The digest the content must have.</param>
    /// <param name="expectedSize">The size the content must have.</param>
    /// <param name="source">Names the content in errors (a reference or descriptor).</param>
    /// <param name="leaveOpen">Leaves <paramref name="inner"/> open when this stream is disposed.</param>
    public VerifyingReadStream(Stream inner, Digest expected, long expectedSize, string? source = null, bool leaveOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSize);
        this.inner = inner;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.source = source;
        this.leaveOpen = leaveOpen;
        hasher = new DigestHasher(expected.Algorithm);
    }

    public VerifyingReadStream(Stream inner, Descriptor descriptor, string? source = null, bool leaveOpen = false)
        : this(inner, descriptor.Digest, descriptor.Size, source ?? descriptor.Digest.ToString(), leaveOpen)
    {
    }

    public override long Length => expectedSize;

    /// <summary>How many bytes have been read so far.</summary>
    public override long Position => hasher.Length;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || ended)
        {
            return 0;
        }

        var n = inner.Read(Limit(buffer));
        return Account(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || ended)
        {
            return 0;
        }

        var n = await inner.ReadAsync(Limit(buffer), cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..n]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hasher.Dispose();
            if (!leaveOpen)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        hasher.Dispose();
        if (!leaveOpen)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Asks for at most one byte more than the content should still hold, enough to see an overrun.</summary>
    private Span<byte> Limit(Span<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, expectedSize - hasher.Length + 1)];

    private Memory<byte> Limit(Memory<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, expectedSize - hasher.Length + 1)];

    private int Account(ReadOnlySpan<byte> read)
    {
        if (read.IsEmpty)
        {
            if (hasher.Length != expectedSize)
            {
                throw Digest.SizeMismatch(source, expectedSize, hasher.Length);
            }

            CheckDigest();
            ended = true;
            return 0;
        }

        if (hasher.Length + read.Length > expectedSize)
        {
            throw Digest.SizeMismatch(source, expectedSize, hasher.Length + read.Length);
        }

        hasher.Append(read);
        if (hasher.Length == expectedSize)
        {
            CheckDigest();
        }

        return read.Length;
    }

    private void CheckDigest()
    {
        if (digestChecked)
        {
            return;
        }

        var actual = hasher.Finish();
        if (actual != expected)
        {
            throw expected.Mismatch(source, actual);
        }

        digestChecked = true;
    }
}
