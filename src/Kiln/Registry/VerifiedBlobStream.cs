using System.Security.Cryptography;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Streams;

namespace Kiln.Registry;

/// <summary>
/// A read-only stream over a blob body that hashes and counts what passes through: reading past the expected
/// size, ending early, or ending with another digest throws a KilnException naming the blob's reference.
/// </summary>
internal sealed class VerifiedBlobStream : ReadOnlyStream
{
    private readonly Stream inner;
    private readonly IncrementalHash hash;
    private readonly Digest expected;
    private readonly long expectedSize;
    private readonly string what;
    private long position;
    private bool verified;

    public VerifiedBlobStream(Stream inner, Digest expected, long expectedSize, string what)
    {
        this.inner = inner;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.what = what;
        hash = IncrementalHash.CreateHash(Digest.HashAlgorithmFor(expected.Algorithm));
    }

    public override long Length => expectedSize;

    public override long Position => position;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new BrokenBodyException($"{what}: the connection broke after {position} of {expectedSize} bytes ({e.Message})", e);
        }

        return Account(buffer.Length, buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new BrokenBodyException($"{what}: the connection broke after {position} of {expectedSize} bytes ({e.Message})", e);
        }

        return Account(buffer.Length, buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(int requested, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            if (requested > 0)
            {
                Verify();
            }

            return 0;
        }

        position += data.Length;
        if (position > expectedSize)
        {
            throw new KilnException(ErrorCodes.RegistrySizeMismatch, $"{what}: the registry sent more than the {expectedSize} bytes the descriptor gives");
        }

        hash.AppendData(data);
        return data.Length;
    }

    private void Verify()
    {
        if (verified)
        {
            return;
        }

        if (position != expectedSize)
        {
            throw new KilnException(ErrorCodes.RegistrySizeMismatch, $"{what}: the body ended after {position} bytes but the descriptor gives {expectedSize}");
        }

        var actual = Digest.FromHash(expected.Algorithm, hash.GetHashAndReset());
        if (actual != expected)
        {
            throw new KilnException(ErrorCodes.RegistryDigestMismatch, $"{what}: the content has digest {actual}, expected {expected}");
        }

        verified = true;
    }
}
