using System.IO.Compression;
using System.Text;
using Kiln.Exec;
using Kiln.Exec.Mounts;
using Kiln.Exec.Runtime;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Snapshots.Layers;

namespace Kiln.IntegrationTests.Exec;

/// <summary>
/// A RUN step with secret mounts (file and env) on a real overlay snapshot of busybox: the step's layer, diffed
/// as kiln exports it, and every file under the kiln root hold no byte of the secret.
/// </summary>
public sealed class SecretLayerScanTests
{
    private const string SecretValue = "kiln-secret-6c1d0e9a";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheStepLayerCarriesTheStepsFilesButNoSecret(bool gzip)
    {
        var compression = gzip ? LayerCompression.Gzip : LayerCompression.None;
        await using var root = await SnapshotRoot.CreateAsync();
        var image = await BusyboxImage.LoadAsync();
        await root.Overlay.PrepareAsync("base-active", null, CancellationToken.None);
        await using (var layer = image.OpenLayer(0))
        {
            await root.Overlay.ApplyLayerAsync("base-active", layer, image.Manifest.Layers[0], CancellationToken.None);
        }

        await root.Overlay.CommitAsync("base-active", "base", CancellationToken.None);
        await root.Overlay.PrepareAsync("step", "base", CancellationToken.None);
        var rootfs = await root.MountAsync(root.Overlay, "step");
        var executor = await Executor.StartAsync(RuntimeOptions.Create(root.Paths, Environment.GetEnvironmentVariable), CancellationToken.None);
        var session = ExecSession.Default with
        {
            Secrets = SecretStore.Create([SecretSource.Parse("id=token,env=KILN_SECRET_SCAN")], name => name == "KILN_SECRET_SCAN" ? SecretValue : null),
        };
        var request = new ExecRequest
        {
            Rootfs = rootfs,
            Args = ["/bin/sh", "-c", "cat /run/secrets/token > /dev/null && echo \"len=${#TOKEN}\" > /result && mkdir -p /work && echo done > /work/out"],
            Mounts = [new SecretMount("token"), new SecretMount("token") { Env = "TOKEN", Path = "/etc/token" }],
        };

        await executor.RunAsync(request, session, null, CancellationToken.None);
        root.Unmount(rootfs);
        var diff = await root.Overlay.DiffAsync("step", root.Store, new LayerDiffOptions { Compression = compression }, CancellationToken.None);

        var tar = await ReadUncompressedAsync(root, diff.Layer, compression);
        var text = Encoding.Latin1.GetString(tar);
        Assert.Contains("len=20", text, StringComparison.Ordinal);
        Assert.Contains("work/out", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, text, StringComparison.Ordinal);
        Assert.DoesNotContain("run/secrets", text, StringComparison.Ordinal);
        Assert.DoesNotContain("etc/token", text, StringComparison.Ordinal);
        var scan = await Infrastructure.ExternalTool.RunAsync("grep", "-r", "-l", "-a", SecretValue, root.Directory);
        Assert.Equal("", scan.Output);
    }

    private static async Task<byte[]> ReadUncompressedAsync(SnapshotRoot root, Descriptor layer, LayerCompression compression)
    {
        var bytes = await root.Store.ReadAllBytesAsync(layer.Digest, CancellationToken.None);
        if (compression == LayerCompression.None)
        {
            return bytes;
        }

        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        await gzip.CopyToAsync(output);
        return output.ToArray();
    }
}
