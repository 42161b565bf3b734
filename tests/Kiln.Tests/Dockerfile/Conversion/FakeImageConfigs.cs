using Kiln.Diagnostics;
using Kiln.Dockerfile.Conversion;
using Kiln.Oci;

namespace Kiln.Tests.Dockerfile.Conversion;

/// <summary>
/// Base image configs for unit tests: busybox exactly as the local registry serves it (any platform), an image
/// with ONBUILD triggers and labels, and an error for anything else. Counts the look-ups.
/// </summary>
internal sealed class FakeImageConfigs
{
    public const string Busybox = "127.0.0.1:5000/busybox:latest";
    public const string OnbuildBase = "127.0.0.1:5000/onbuild-base:latest";

    public List<(string Image, Platform Platform)> Requests { get; } = [];

    public BaseImageConfigProvider Provider => GetAsync;

    private ValueTask<ImageConfig?> GetAsync(Reference image, Platform platform, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add((image.ToString(), platform));
        }

        var busybox = ImageConfig.For(platform) with
        {
            Config = ContainerConfig.Empty with { Cmd = ["sh"], Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] },
            History = [new HistoryEntry { CreatedBy = "mkimage.py rootfs" }],
        };
        return image.ToString() switch
        {
            Busybox => ValueTask.FromResult<ImageConfig?>(busybox),
            OnbuildBase => ValueTask.FromResult<ImageConfig?>(busybox with
            {
                Config = busybox.Config with
                {
                    OnBuild = ["ENV TRIGGERED=yes", "RUN echo triggered"],
                    Labels = busybox.Config.Labels.Add("base", "onbuild"),
                    User = "nobody",
                },
            }),
            _ => throw new KilnException(ErrorCodes.ConvertBaseImage, $"{image}: not found"),
        };
    }
}
