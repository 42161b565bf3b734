using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Export.Assembly;

namespace Kiln.Export.Outputs;

/// <summary>Writes an assembled image for type=oci (layout tar or directory) and type=docker (<c>docker load</c> tar).</summary>
internal static class ImageFileWriter
{
    /// <summary>
    /// What index.json says about the image, as BuildKit writes it: the first name and its tag (<c>latest</c> without a
    /// name) and the creation time in whole seconds.
    /// </summary>
    public static OciLayoutOptions LayoutOptions(ImmutableArray<string> names, DateTimeOffset created)
    {
        var options = OciLayoutOptions.ForName(names.IsDefaultOrEmpty ? null : names[0]);
        return options with { RefName = options.RefName ?? Oci.Reference.DefaultTag, Created = Oci.OciTimestamp.FromUnixSeconds(created.ToUnixTimeSeconds()) };
    }

    public static async Task WriteOciAsync(
        ContentStore store, AssembledImage image, OutputSpec output, OciLayoutOptions options, Func<Stream>? stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.Tar)
        {
            await OciLayoutWriter.WriteDirectoryAsync(store, image.Root, output.Destination!, options, cancellationToken).ConfigureAwait(false);
        }
        else if (stdout is not null)
        {
            await OciLayoutWriter.WriteTarAsync(store, image.Root, stdout(), options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OciLayoutWriter.WriteTarFileAsync(store, image.Root, output.Destination!, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A docker archive; several platforms fail with buildx's explanation before anything is written.</summary>
    public static async Task WriteDockerAsync(
        ContentStore store, AssembledImage image, OutputSpec output, ImmutableArray<string> names, OciLayoutOptions options, Func<Stream>? stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        await DockerArchiveWriter.SelectImageAsync(store, image.Root, cancellationToken).ConfigureAwait(false);
        if (!output.Tar)
        {
            await OciLayoutWriter.WriteDirectoryAsync(store, image.Root, output.Destination!, options, cancellationToken).ConfigureAwait(false);
        }
        else if (stdout is not null)
        {
            await DockerArchiveWriter.WriteAsync(store, image.Root, stdout(), names, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DockerArchiveWriter.WriteFileAsync(store, image.Root, output.Destination!, names, cancellationToken).ConfigureAwait(false);
        }
    }
}
