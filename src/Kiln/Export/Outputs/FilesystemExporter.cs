using System.Collections.Immutable;
using System.Formats.Tar;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Export.Assembly;
using Kiln.Oci;
using Kiln.Snapshots;

namespace Kiln.Export.Outputs;

/// <summary>
/// type=local and type=tar: each platform's final filesystem, at the destination's root for one platform, else in a
/// subdirectory named after the platform (<c>linux_amd64</c>, <c>linux_arm_v7</c>) unless platform-split=false.
/// </summary>
internal sealed class FilesystemExporter(Snapshotter snapshotter, KilnPaths paths)
{
    /// <summary>Writes the output; <paramref name="epoch"/> (SOURCE_DATE_EPOCH) becomes every file's mtime when given.</summary>
    public async Task WriteAsync(ImmutableArray<ImageInput> images, OutputSpec output, long? epoch, Func<Stream>? stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var split = images.Length > 1 && output.PlatformSplit;
        if (output.Type == OutputType.Local)
        {
            foreach (var image in images)
            {
                var destination = split ? Path.Combine(output.Destination!, DirectoryName(image.Platform)) : output.Destination!;
                Directory.CreateDirectory(destination);
                await WithViewAsync(image, view => { FilesystemWriter.Copy(view, destination, epoch); return Task.CompletedTask; }, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var ownsStream = stdout is null;
        var stream = stdout?.Invoke() ?? new FileStream(output.Destination!, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        try
        {
            var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var image in images)
                {
                    var prefix = split ? DirectoryName(image.Platform) + "/" : "";
                    await WithViewAsync(image, view => FilesystemWriter.WriteTarAsync(writer, view, prefix, epoch, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (ownsStream)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The subdirectory of one platform: its os/arch/variant with underscores, as BuildKit names them.</summary>
    public static string DirectoryName(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Normalize().ToString().Replace('/', '_');
    }

    private async Task WithViewAsync(ImageInput image, Func<string, Task> use, CancellationToken cancellationToken)
    {
        if (image.RootSnapshot is null)
        {
            var empty = Path.Combine(paths.Root, "tmp", "empty-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(empty);
            try
            {
                await use(empty).ConfigureAwait(false);
            }
            finally
            {
                Directory.Delete(empty);
            }

            return;
        }

        var view = await SnapshotView.MountAsync(snapshotter, paths, image.RootSnapshot, cancellationToken).ConfigureAwait(false);
        await using (view.ConfigureAwait(false))
        {
            await use(view.Path).ConfigureAwait(false);
        }
    }
}
