using Kiln.Build.Runners;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>A fresh kiln root into which one image was pulled blob by blob through <see cref="ImageBlobFetcher"/>.</summary>
internal sealed class PulledStore : IDisposable
{
    private PulledStore(string directory, ContentStore store, BlobOriginTable origins)
    {
        Directory = directory;
        Store = store;
        Origins = origins;
    }

    public string Directory { get; }

    public ContentStore Store { get; }

    public BlobOriginTable Origins { get; }

    public static async Task<PulledStore> CreateAsync(RegistryClient client, Reference image)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kiln-it", Guid.NewGuid().ToString("N"));
        var paths = new KilnPaths(Path.Combine(directory, "root"));
        var store = new ContentStore(paths);
        var origins = new BlobOriginTable(await MetadataDatabase.OpenAsync(paths, CancellationToken.None));
        var manifest = await client.GetManifestAsync(image, CancellationToken.None);
        await store.WriteAsync(manifest.Digest, manifest.Bytes, CancellationToken.None);
        var fetcher = new ImageBlobFetcher(client, store, origins);
        var m = Manifest.Parse(manifest.Bytes);
        foreach (var blob in m.Layers.Prepend(m.Config))
        {
            Assert.True(await fetcher.EnsureAsync(image.WithoutTagOrDigest(), blob, null, CancellationToken.None));
        }

        return new PulledStore(directory, store, origins);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
