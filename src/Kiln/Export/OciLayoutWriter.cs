using Kiln.Content;
using Kiln.Oci;

namespace Kiln.Export;

/// <summary>
/// Writes an image from the content store as an OCI image layout, as a tar stream or as a directory
/// (buildx's <c>--output type=oci,dest=...</c> with <c>tar=true|false</c>); only blobs reachable from the root go out.
/// </summary>
internal static class OciLayoutWriter
{
    public static async Task WriteTarAsync(ContentStore store, Descriptor root, Stream destination, OciLayoutOptions? options, CancellationToken cancellationToken)
    {
        var entries = await OciLayoutFiles.CollectAsync(store, root, options ?? OciLayoutOptions.Default, cancellationToken).ConfigureAwait(false);
        await DeterministicTar.WriteAsync(store, entries, destination, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTarFileAsync(ContentStore store, Descriptor root, string path, OciLayoutOptions? options, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await WriteTarAsync(store, root, file, options, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteDirectoryAsync(ContentStore store, Descriptor root, string directory, OciLayoutOptions? options, CancellationToken cancellationToken)
    {
        var entries = await OciLayoutFiles.CollectAsync(store, root, options ?? OciLayoutOptions.Default, cancellationToken).ConfigureAwait(false);
        await LayoutDirectory.WriteAsync(store, entries, directory, cancellationToken).ConfigureAwait(false);
    }
}
