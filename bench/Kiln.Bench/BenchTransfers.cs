using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.Bench;

/// <summary>Pushes an OCI layout's image with kiln's RegistryClient, and pulls an image's blobs back to files.</summary>
internal static class BenchTransfers
{
    private static readonly RegistryOptions Options = new() { MaxConcurrentTransfers = 6 };

    public static async Task<long> PushAsync(string layout, string target)
    {
        var reference = Reference.Parse(target);
        var blobs = Path.Combine(layout, "blobs", "sha256");
        var index = ImageIndex.Parse(await File.ReadAllBytesAsync(Path.Combine(layout, "index.json")));
        var manifestDescriptor = index.Manifests[0];
        var manifestBytes = await File.ReadAllBytesAsync(Path.Combine(blobs, manifestDescriptor.Digest.Hex));
        var manifest = Manifest.Parse(manifestBytes);
        using var client = RegistryClient.Create(Options);
        var items = manifest.Layers.Append(manifest.Config)
            .Select(d => (d, BlobSource.FromFile(Path.Combine(blobs, d.Digest.Hex))))
            .ToList();
        await client.PushBlobsAsync(reference, items, null, CancellationToken.None);
        await client.PushManifestAsync(reference, manifestDescriptor.MediaType, manifestBytes, CancellationToken.None);
        return items.Sum(i => i.d.Size);
    }

    public static async Task<long> PullAsync(string source, string directory)
    {
        var reference = Reference.Parse(source);
        Directory.CreateDirectory(directory);
        using var client = RegistryClient.Create(Options);
        var fetched = await client.GetManifestAsync(reference, CancellationToken.None);
        var manifest = fetched.Parse(source).Manifest!;
        var blobs = manifest.Layers.Append(manifest.Config).ToList();
        await Task.WhenAll(blobs.Select(async blob =>
        {
            await using var file = new FileStream(Path.Combine(directory, blob.Digest.Hex), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await client.FetchBlobAsync(reference, blob, file, CancellationToken.None);
        }));
        return blobs.Sum(b => b.Size);
    }
}
