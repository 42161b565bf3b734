using Kiln.Content;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Export;

/// <summary>
/// A fresh content store holding the busybox OCI layout (/tmp/kiln-test-images/busybox) copied in blob by blob,
/// removed when the test ends.
/// </summary>
internal sealed class BusyboxStore : IDisposable
{
    public const string LayoutDirectory = "/tmp/kiln-test-images/busybox";

    private BusyboxStore(string directory, ContentStore store, Descriptor root)
    {
        Directory = directory;
        Store = store;
        Root = root;
    }

    public string Directory { get; }

    public ContentStore Store { get; }

    /// <summary>The multi-platform index of busybox (linux/amd64, linux/arm64, linux/arm/v7).</summary>
    public Descriptor Root { get; }

    public static async Task<BusyboxStore> CreateAsync()
    {
        var index = Path.Combine(LayoutDirectory, "index.json");
        Assert.True(File.Exists(index), $"{index} is missing; run scripts/setup.sh");
        var directory = Path.Combine(Path.GetTempPath(), "kiln-it", Guid.NewGuid().ToString("N"));
        var store = new ContentStore(new KilnPaths(Path.Combine(directory, "root")));
        foreach (var blob in System.IO.Directory.GetFiles(Path.Combine(LayoutDirectory, "blobs", "sha256")))
        {
            await using var source = File.OpenRead(blob);
            await store.IngestAsync(source, Digest.Parse("sha256:" + Path.GetFileName(blob)), source.Length, CancellationToken.None);
        }

        var top = ImageIndex.Parse(await File.ReadAllBytesAsync(index));
        var root = top.Manifests.Single() with { Annotations = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty };
        return new BusyboxStore(directory, store, root);
    }

    /// <summary>The manifest of one platform under the root index.</summary>
    public async Task<Descriptor> ManifestForAsync(Platform platform)
    {
        var index = ImageIndex.Parse(await Store.ReadAllBytesAsync(Root.Digest, CancellationToken.None));
        return index.Manifests.Single(m => m.Platform is { } p && p.Equals(platform));
    }

    public string PathFor(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
