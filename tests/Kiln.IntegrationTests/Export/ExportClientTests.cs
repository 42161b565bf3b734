using System.Formats.Tar;
using System.Text.Json;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Export;

/// <summary>Images exported from kiln's content store are accepted by independent clients: skopeo, umoci and docker.</summary>
public sealed class ExportClientTests : IAsyncLifetime
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly ImageValidationOptions Deep = new() { VerifyDiffIds = true };
    private BusyboxStore busybox = null!;

    public async Task InitializeAsync() => busybox = await BusyboxStore.CreateAsync();

    public Task DisposeAsync()
    {
        busybox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SourceImageIsValid() =>
        Assert.Empty(await ImageValidator.ValidateAsync(busybox.Store, busybox.Root, Deep, CancellationToken.None));

    [Fact]
    public async Task OciArchiveIsAcceptedBySkopeo()
    {
        var archive = busybox.PathFor("busybox.tar");
        await OciLayoutWriter.WriteTarFileAsync(busybox.Store, busybox.Root, archive, OciLayoutOptions.ForName("busybox:latest"), CancellationToken.None);

        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--raw", $"oci-archive:{archive}");
        var inspect = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--override-arch", "arm64", $"oci-archive:{archive}");

        Assert.Equal(busybox.Root.Digest, Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(raw)));
        using var json = JsonDocument.Parse(inspect);
        Assert.Equal("arm64", json.RootElement.GetProperty("Architecture").GetString());
        Assert.Empty(await ValidateExtractedAsync(archive));
    }

    [Fact]
    public async Task OciDirectoryIsAcceptedBySkopeoAndUmoci()
    {
        var layout = busybox.PathFor("layout");
        var image = await busybox.ManifestForAsync(Amd64);
        await OciLayoutWriter.WriteDirectoryAsync(busybox.Store, image, layout, OciLayoutOptions.ForName("busybox:edge"), CancellationToken.None);

        var inspect = await ExternalTool.OutputOfAsync("skopeo", "inspect", $"oci:{layout}:edge");
        var bundle = busybox.PathFor("bundle");
        await ExternalTool.OutputOfAsync("umoci", "unpack", "--image", $"{layout}:edge", bundle);

        using var json = JsonDocument.Parse(inspect);
        Assert.Equal(image.Digest.ToString(), json.RootElement.GetProperty("Digest").GetString());
        Assert.True(File.Exists(Path.Combine(bundle, "rootfs", "bin", "busybox")), "umoci unpacked no bin/busybox");
        Assert.True(File.Exists(Path.Combine(bundle, "config.json")), "umoci wrote no runtime config");
    }

    [Fact]
    public async Task MultiPlatformDirectoryIsAcceptedBySkopeo()
    {
        var layout = busybox.PathFor("multi");
        await OciLayoutWriter.WriteDirectoryAsync(busybox.Store, busybox.Root, layout, OciLayoutOptions.ForName("busybox"), CancellationToken.None);

        var inspect = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--override-arch", "arm", "--override-variant", "v7", $"oci:{layout}:latest");

        using var json = JsonDocument.Parse(inspect);
        Assert.Equal("arm", json.RootElement.GetProperty("Architecture").GetString());
    }

    [Fact]
    public async Task DockerArchiveLoadsIntoDocker()
    {
        var tag = $"kiln-export-test/busybox:{Guid.NewGuid():N}";
        var archive = busybox.PathFor("docker.tar");
        var image = await busybox.ManifestForAsync(Amd64);
        await DockerArchiveWriter.WriteFileAsync(busybox.Store, image, archive, [tag], CancellationToken.None);
        try
        {
            var load = await ExternalTool.OutputOfAsync("docker", "load", "-i", archive);
            var platform = await ExternalTool.OutputOfAsync("docker", "image", "inspect", "--format", "{{.Os}}/{{.Architecture}} {{len .RootFS.Layers}}", tag);

            Assert.Contains(tag, load, StringComparison.Ordinal);
            Assert.Equal("linux/amd64 1", platform.Trim());
        }
        finally
        {
            await ExternalTool.RunAsync("docker", "image", "rm", "--force", tag);
        }

        Assert.Empty(await ValidateExtractedAsync(archive));
    }

    [Fact]
    public async Task MultiPlatformDockerArchiveFailsAsBuildxDoes()
    {
        await using var sink = new MemoryStream();

        var e = await Assert.ThrowsAsync<KilnException>(() => DockerArchiveWriter.WriteAsync(busybox.Store, busybox.Root, sink, ["busybox"], CancellationToken.None));

        Assert.Equal(ErrorCodes.DockerExportManifestList, e.Code);
    }

    [Fact]
    public async Task CorruptedCopiesAreRejected()
    {
        var archive = busybox.PathFor("busybox.tar");
        await OciLayoutWriter.WriteTarFileAsync(busybox.Store, busybox.Root, archive, null, CancellationToken.None);
        var image = await busybox.ManifestForAsync(Amd64);
        var manifest = Manifest.Parse(await busybox.Store.ReadAllBytesAsync(image.Digest, CancellationToken.None));

        var missingLayer = await ValidateExtractedAsync(archive, drop: manifest.Layers[0].Digest);
        var flippedConfig = await ValidateExtractedAsync(archive, flip: manifest.Config.Digest);

        Assert.Contains(missingLayer, d => d.Code == ErrorCodes.ExportBlobMissing);
        Assert.Contains(flippedConfig, d => d.Code == ErrorCodes.ExportBlobDigestMismatch);
    }

    /// <summary>Reads the exported tar's index.json and blobs into a new store (optionally dropping or damaging a blob) and validates it.</summary>
    private async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> ValidateExtractedAsync(string archive, Digest? drop = null, Digest? flip = null)
    {
        var store = new ContentStore(new KilnPaths(busybox.PathFor("check-" + Guid.NewGuid().ToString("N"))));
        Descriptor? root = null;
        await using var file = File.OpenRead(archive);
        await using var reader = new TarReader(file);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            if (entry.Name == "index.json")
            {
                using var text = new MemoryStream();
                await entry.DataStream!.CopyToAsync(text);
                root = ImageIndex.Parse(text.ToArray()).Manifests.Single();
            }
            else if (entry.EntryType == TarEntryType.RegularFile && entry.Name.StartsWith("blobs/sha256/", StringComparison.Ordinal))
            {
                var digest = Digest.Parse("sha256:" + entry.Name["blobs/sha256/".Length..]);
                if (digest == drop)
                {
                    continue;
                }

                using var bytes = new MemoryStream();
                await entry.DataStream!.CopyToAsync(bytes);
                var data = bytes.ToArray();
                if (digest == flip)
                {
                    data[data.Length / 2] ^= 0xff;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(store.BlobPath(digest))!);
                await File.WriteAllBytesAsync(store.BlobPath(digest), data);
            }
        }

        Assert.NotNull(root);
        return await ImageValidator.ValidateAsync(store, root, Deep, CancellationToken.None);
    }
}
