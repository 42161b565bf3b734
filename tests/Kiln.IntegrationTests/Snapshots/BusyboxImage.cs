using Kiln.Oci;

namespace Kiln.IntegrationTests.Snapshots;

/// <summary>The linux/amd64 busybox image of the OCI layout that <c>scripts/setup.sh</c> writes to /tmp/kiln-test-images/busybox.</summary>
internal sealed record BusyboxImage(string Layout, Manifest Manifest, ImageConfig Config)
{
    public const string DefaultLayout = "/tmp/kiln-test-images/busybox";

    public static async Task<BusyboxImage> LoadAsync()
    {
        var indexPath = Path.Combine(DefaultLayout, "index.json");
        Assert.True(File.Exists(indexPath), $"{indexPath} is missing: run scripts/setup.sh to create the busybox test image");
        var layout = DefaultLayout;
        var index = ImageIndex.Parse(await File.ReadAllBytesAsync(indexPath));
        var descriptor = index.Manifests[0];
        while (MediaType.IsIndex(descriptor.MediaType))
        {
            var nested = ImageIndex.Parse(await ReadBlobAsync(layout, descriptor.Digest));
            descriptor = nested.Manifests.First(m => m.Platform is { OS: "linux", Architecture: "amd64" });
        }

        var manifest = Manifest.Parse(await ReadBlobAsync(layout, descriptor.Digest));
        var config = ImageConfig.Parse(await ReadBlobAsync(layout, manifest.Config.Digest));
        return new BusyboxImage(layout, manifest, config);
    }

    public string BlobPath(Digest digest) => Path.Combine(Layout, "blobs", digest.Algorithm, digest.Hex);

    public Stream OpenLayer(int index) => File.OpenRead(BlobPath(Manifest.Layers[index].Digest));

    private static Task<byte[]> ReadBlobAsync(string layout, Digest digest) =>
        File.ReadAllBytesAsync(Path.Combine(layout, "blobs", digest.Algorithm, digest.Hex));
}
