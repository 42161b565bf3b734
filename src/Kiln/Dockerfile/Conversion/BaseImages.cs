using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>The configs a stage starts from: BuildKit's empty image for scratch, or a base image's config.</summary>
internal static class BaseImages
{
    public const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>FROM scratch: the platform, PATH and WorkingDir "/".</summary>
    public static ImageConfig Empty(Platform platform) => ImageConfig.For(platform) with
    {
        Config = ContainerConfig.Empty with { Env = [DefaultPath], WorkingDir = "/" },
    };

    /// <summary>A base image's config, inherited as is but for the creation time (the exporter sets it).</summary>
    public static ImageConfig Inherit(ImageConfig? config, Platform platform)
    {
        if (config is null)
        {
            return Empty(platform);
        }

        return config with
        {
            Created = null,
            History = config.History.IsDefault ? ImmutableArray<HistoryEntry>.Empty : config.History,
        };
    }
}
