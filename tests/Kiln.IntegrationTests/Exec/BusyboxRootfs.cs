using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Exec;

/// <summary>
/// Busybox root filesystems for executor tests, unpacked from the OCI layout test-env.sh writes
/// (/tmp/kiln-test-images/busybox): index -> per-platform manifest -> its single gzip layer. Each platform is
/// unpacked once into a template; every test gets its own copy.
/// </summary>
internal static class BusyboxRootfs
{
    public const string Layout = "/tmp/kiln-test-images/busybox";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> CreateAsync(Platform platform, string destination)
    {
        var template = await TemplateAsync(platform);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await ExternalTool.OutputOfAsync("cp", "-a", template, destination);
        return destination;
    }

    private static async Task<string> TemplateAsync(Platform platform)
    {
        var name = platform.ToString().Replace('/', '-');
        var template = Path.Combine(ExecTestRoot.Base, "templates", name);
        await Gate.WaitAsync();
        try
        {
            if (Directory.Exists(template))
            {
                return template;
            }

            var staging = template + ".tmp";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            var layer = FindLayer(platform);
            await using (var file = File.OpenRead(layer))
            await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, staging, overwriteFiles: true);
            }

            Directory.Move(staging, template);
            return template;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string FindLayer(Platform platform)
    {
        Assert.True(File.Exists(Path.Combine(Layout, "index.json")), $"{Layout} is missing: run scripts/setup.sh (test-env.sh) to create the busybox OCI layout");
        var index = ReadBlobOrFile(Path.Combine(Layout, "index.json"));
        var nested = index.RootElement.GetProperty("manifests")[0];
        var platforms = nested.GetProperty("mediaType").GetString() == MediaType.OciIndex
            ? ReadBlob(nested.GetProperty("digest").GetString()!)
            : index;
        foreach (var manifest in platforms.RootElement.GetProperty("manifests").EnumerateArray())
        {
            var p = manifest.GetProperty("platform");
            var variant = p.TryGetProperty("variant", out var v) ? v.GetString() : null;
            if (p.GetProperty("architecture").GetString() == platform.Architecture && variant == platform.Variant)
            {
                var layers = ReadBlob(manifest.GetProperty("digest").GetString()!).RootElement.GetProperty("layers");
                return BlobPath(layers[0].GetProperty("digest").GetString()!);
            }
        }

        Assert.Fail($"the busybox layout has no {platform} image: run scripts/setup.sh");
        return "";
    }

    private static JsonDocument ReadBlob(string digest) => ReadBlobOrFile(BlobPath(digest));

    private static JsonDocument ReadBlobOrFile(string path) => JsonDocument.Parse(File.ReadAllBytes(path));

    private static string BlobPath(string digest) => Path.Combine(Layout, "blobs", "sha256", Digest.Parse(digest).Hex);
}
