using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Export.Assembly;

namespace Kiln.Export.Outputs;

/// <summary>Writes an assembled image for type=oci (layout tar or directory) and type=docker (<c>docker load</c> tar).</summary>
internal static class ImageFileWriter
{
    public static async Task WriteOciAsync(
        ContentStore store, AssembledImage image, OutputSpec output, ImmutableArray<string> names, Func<Stream>? stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        var options = OciLayoutOptions.ForName(names.FirstOrDefault());
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
        ContentStore store, AssembledImage image, OutputSpec output, ImmutableArray<string> names, Func<Stream>? stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        await DockerArchiveWriter.SelectImageAsync(store, image.Root, cancellationToken).ConfigureAwait(false);
        if (!output.Tar)
        {
            await OciLayoutWriter.WriteDirectoryAsync(store, image.Root, output.Destination!, OciLayoutOptions.ForName(names.FirstOrDefault()), cancellationToken).ConfigureAwait(false);
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
