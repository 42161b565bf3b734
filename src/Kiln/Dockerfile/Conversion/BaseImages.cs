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

    /// <summary>A base image's config with the creation time dropped (the exporter sets it) and PATH ensured.</summary>
    public static ImageConfig Inherit(ImageConfig? config, Platform platform)
    {
        if (config is null)
        {
            return Empty(platform);
        }

        var env = config.Config.Env ?? [];
        if (!env.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal)))
        {
            env = env.Insert(0, DefaultPath);
        }

        return config with
        {
            Created = null,
            Config = config.Config with { Env = env },
            History = config.History.IsDefault ? ImmutableArray<HistoryEntry>.Empty : config.History,
        };
    }
}
