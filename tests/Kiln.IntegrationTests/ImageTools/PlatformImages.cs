using System.Security.Cryptography;
using System.Text;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.ImageTools;

/// <summary>Pushes small single-platform images (a config of the given platform and one random layer).</summary>
internal static class PlatformImages
{
    public static async Task<Descriptor> PushAsync(RegistryClient client, Reference reference, string platform, bool docker = false)
    {
        var p = Platform.Parse(platform);
        var variant = p.Variant is null ? "" : $",\"variant\":\"{p.Variant}\"";
        var configBytes = Encoding.UTF8.GetBytes(
            $"{{\"architecture\":\"{p.Architecture}\",\"os\":\"{p.OS}\"{variant},\"config\":{{\"Env\":[\"N={Guid.NewGuid():N}\"]}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[]}}}}");
        var config = Descriptor.ForBytes(docker ? MediaType.DockerConfig : MediaType.OciConfig, configBytes);
        var layerBytes = RandomNumberGenerator.GetBytes(2048);
        var layer = Descriptor.ForBytes(docker ? MediaType.DockerLayerGzip : MediaType.OciLayerGzip, layerBytes);
        await client.PushBlobAsync(reference, config, BlobSource.FromBytes(configBytes), null, CancellationToken.None);
        await client.PushBlobAsync(reference, layer, BlobSource.FromBytes(layerBytes), null, CancellationToken.None);
        var manifestType = docker ? MediaType.DockerManifest : MediaType.OciManifest;
        var bytes = new Manifest(manifestType, config, [layer]).ToBytes();
        return await client.PushManifestAsync(reference, manifestType, bytes, CancellationToken.None);
    }
}
