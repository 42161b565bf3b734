using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.ImageTools;

/// <summary>Fetches and parses the image config a manifest points at, refusing implausibly large ones.</summary>
internal static class ImageConfigLoader
{
    private const int MaxConfigSize = 8 * 1024 * 1024;

    public static async Task<ImageConfig> LoadAsync(RegistryClient registry, Reference reference, Manifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.Config.Size > MaxConfigSize)
        {
            throw new KilnException(
                ErrorCodes.DocumentTooLarge,
                $"{reference.Name}@{manifest.Config.Digest}: image config is {manifest.Config.Size} bytes, more than {MaxConfigSize} allowed");
        }

        using var buffer = new MemoryStream();
        await registry.FetchBlobAsync(reference, manifest.Config, buffer, cancellationToken).ConfigureAwait(false);
        return ImageConfig.Parse(buffer.ToArray(), $"{reference.Name}@{manifest.Config.Digest}");
    }
}
