using System.Collections.Immutable;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Registry;

/// <summary>Small images pushed by the tests: a config and a layer of random bytes under an OCI or Docker manifest.</summary>
internal static class TestImages
{
    public static async Task<(Descriptor Manifest, byte[] Bytes)> PushImageAsync(
        RegistryClient client, Reference reference, string manifestType = MediaType.OciManifest, Descriptor? subject = null, string? artifactType = null)
    {
        var docker = manifestType == MediaType.DockerManifest;
        var configBytes = System.Text.Encoding.UTF8.GetBytes($"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[]}},\"kiln\":\"{Guid.NewGuid():N}\"}}");
        var config = Descriptor.ForBytes(docker ? MediaType.DockerConfig : MediaType.OciConfig, configBytes);
        var (layer, layerBytes) = LocalRegistry.RandomBlob(4096, docker ? MediaType.DockerLayerGzip : MediaType.OciLayerGzip);
        await client.PushBlobAsync(reference, config, BlobSource.FromBytes(configBytes), null, CancellationToken.None);
        await client.PushBlobAsync(reference, layer, BlobSource.FromBytes(layerBytes), null, CancellationToken.None);
        var manifest = new Manifest(manifestType, config, [layer]) { Subject = subject, ArtifactType = artifactType };
        var bytes = manifest.ToBytes();
        var descriptor = await client.PushManifestAsync(reference, manifestType, bytes, CancellationToken.None);
        return (descriptor, bytes);
    }

    public static ImmutableArray<byte> Index(params Descriptor[] manifests) =>
        [.. new ImageIndex(MediaType.OciIndex, [.. manifests]).ToBytes()];
}
