using System.Security.Cryptography;
using Kiln.Content;
using Kiln.Oci;
using Kiln.Snapshots.Layers;

namespace Kiln.Export;

/// <summary>Computes a layer blob's diffID: the sha256 of its uncompressed tar stream.</summary>
internal static class LayerDiffId
{
    public static async Task<Digest> ComputeAsync(ContentStore store, Descriptor layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(layer);
        await using var blob = store.OpenRead(layer.Digest);
        await using var tar = await LayerDecompression.OpenAsync(blob, layer.MediaType, layer.Digest, cancellationToken).ConfigureAwait(false);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await tar.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Digest.FromHash(Digest.Sha256Algorithm, hash.GetHashAndReset());
    }
}
