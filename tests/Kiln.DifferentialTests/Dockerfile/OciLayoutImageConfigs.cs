using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Conversion;
using Kiln.Oci;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// Base image configs read from the OCI layout scripts/setup.sh writes (the busybox the local registry serves):
/// the same bytes the reference BuildKit pulls from 127.0.0.1:5000.
/// </summary>
internal static class OciLayoutImageConfigs
{
    public const string LayoutPath = "/tmp/kiln-test-images/busybox";
    public const string Busybox = "127.0.0.1:5000/busybox:latest";

    public static BaseImageConfigProvider Provider => GetAsync;

    private static async ValueTask<ImageConfig?> GetAsync(Reference image, Platform platform, CancellationToken cancellationToken)
    {
        if (image.ToString() != Busybox)
        {
            throw new KilnException(ErrorCodes.ConvertBaseImage, $"{image}: only {Busybox} is available to differential tests");
        }

        Assert.True(Directory.Exists(LayoutPath), $"{LayoutPath} is missing: run scripts/setup.sh");
        using var index = JsonDocument.Parse(await ReadBlobAsync(TopIndexDigest(), cancellationToken));
        foreach (var manifest in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            var p = manifest.GetProperty("platform");
            var variant = p.TryGetProperty("variant", out var v) ? v.GetString() : null;
            if (p.GetProperty("architecture").GetString() != platform.Architecture || variant != platform.Variant)
            {
                continue;
            }

            using var m = JsonDocument.Parse(await ReadBlobAsync(manifest.GetProperty("digest").GetString()!, cancellationToken));
            var config = await ReadBlobAsync(m.RootElement.GetProperty("config").GetProperty("digest").GetString()!, cancellationToken);
            return ImageConfig.Parse(config, LayoutPath);
        }

        throw new KilnException(ErrorCodes.ConvertBaseImage, $"{image}: no manifest for {platform}");
    }

    private static string TopIndexDigest()
    {
        using var top = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(LayoutPath, "index.json")));
        return top.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
    }

    private static Task<byte[]> ReadBlobAsync(string digest, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(Path.Combine(LayoutPath, "blobs", "sha256", Digest.Parse(digest).Hex), cancellationToken);
}
