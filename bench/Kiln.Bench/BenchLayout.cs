using System.Collections.Immutable;
using System.Security.Cryptography;
using Kiln.Oci;

namespace Kiln.Bench;

/// <summary>Writes an OCI image layout holding one image of random, incompressible layers, tagged "bench".</summary>
internal static class BenchLayout
{
    public const string Tag = "bench";

    public static async Task<long> WriteAsync(string directory, int count, int sizeMiB)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var layers = ImmutableArray.CreateBuilder<Descriptor>();
        var buffer = new byte[1 << 20];
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var temp = Path.Combine(blobs, $"tmp-{i}");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = File.Create(temp))
            {
                for (var m = 0; m < sizeMiB; m++)
                {
                    RandomNumberGenerator.Fill(buffer);
                    hash.AppendData(buffer);
                    await file.WriteAsync(buffer);
                }
            }

            var digest = Digest.FromHash(Digest.Sha256Algorithm, hash.GetHashAndReset());
            File.Move(temp, Path.Combine(blobs, digest.Hex), overwrite: true);
            layers.Add(new Descriptor(MediaType.OciLayer, digest, (long)sizeMiB << 20));
            total += (long)sizeMiB << 20;
        }

        var diffIds = string.Join(",", layers.Select(l => $"\"{l.Digest}\""));
        var configBytes = System.Text.Encoding.UTF8.GetBytes($"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[{diffIds}]}}}}");
        var config = Descriptor.ForBytes(MediaType.OciConfig, configBytes);
        await File.WriteAllBytesAsync(Path.Combine(blobs, config.Digest.Hex), configBytes);
        var (manifestBytes, manifest) = new Manifest(MediaType.OciManifest, config, layers.ToImmutable()).ToBytesWithDescriptor();
        await File.WriteAllBytesAsync(Path.Combine(blobs, manifest.Digest.Hex), manifestBytes);
        var tagged = manifest with { Annotations = manifest.Annotations.Add("org.opencontainers.image.ref.name", Tag) };
        await File.WriteAllBytesAsync(Path.Combine(directory, "index.json"), new ImageIndex(MediaType.OciIndex, [tagged]).ToBytes());
        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return total;
    }
}
