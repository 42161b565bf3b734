using Kiln.Build.Runners;
using Kiln.Content;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.Build;

/// <summary>
/// The configs of FROM images for the Dockerfile converter, resolved through the same image runner the solve uses,
/// so the converter and the pull agree on one manifest per tag and platform.
/// </summary>
internal sealed class BaseImageConfigs(ImageSourceRunner images, RegistryClient registry, ContentStore store)
{
    private readonly ImageBlobFetcher fetcher = new(registry, store);

    public async ValueTask<ImageConfig?> GetAsync(Reference image, Platform platform, CancellationToken cancellationToken)
    {
        var resolved = await images.ResolveAsync(image.WithDefaultTag(), platform, cancellationToken).ConfigureAwait(false);
        var config = resolved.Manifest.Config;
        await fetcher.EnsureAsync(resolved.Repository, config, null, cancellationToken).ConfigureAwait(false);
        return ImageConfig.Parse(await store.ReadAllBytesAsync(config.Digest, cancellationToken).ConfigureAwait(false), image.ToString());
    }
}
