using System.Security.Cryptography;

namespace Kiln.Oci;

/// <summary>Computes the digest of bytes as they are produced (written, compressed, sent).</summary>
internal sealed class DigestHasher : IDisposable
{
    private readonly IncrementalHash hash;
    private readonly string algorithm;
    private Digest? result;

    public DigestHasher(string algorithm = Digest.Sha256Algorithm)
    {
        hash = IncrementalHash.CreateHash(Digest.HashAlgorithmFor(algorithm));
        this.algorithm = algorithm;
    }

    /// <summary>How many bytes have been hashed.</summary>
    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (result is not null)
        {
            throw new InvalidOperationException("the digest was already computed");
        }

        hash.AppendData(bytes);
        Length += bytes.Length;
    }

    /// <summary>The digest of everything appended; appending afterwards is an error.</summary>
    public Digest Finish()
    {
        if (result is { } done)
        {
            return done;
        }

        Span<byte> buffer = stackalloc byte[SHA512.HashSizeInBytes];
        var written = hash.GetHashAndReset(buffer);
        result = Digest.FromHash(algorithm, buffer[..written]);
        return result.Value;
    }

    /// <summary>The descriptor of everything appended.</summary>
    public Descriptor ToDescriptor(string mediaType) => new(mediaType, Finish(), Length);

    public void Dispose() => hash.Dispose();
}
