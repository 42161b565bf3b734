using Kiln.Content;
using Kiln.Diagnostics;

namespace Kiln.Export;

/// <summary>Writes layout entries as files under a directory, blobs before the files naming them; a blob already there with the right size is kept.</summary>
internal static class LayoutDirectory
{
    public static async Task WriteAsync(ContentStore store, IEnumerable<LayoutEntry> entries, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entries);
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        foreach (var entry in entries.OrderBy(e => e.Blob is null))
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.Path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new KilnException(ErrorCodes.InvalidArgument, $"layout path {entry.Path} escapes {root}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (entry.Bytes is { } bytes)
            {
                await WriteFileAsync(target, new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
            }
            else if (!File.Exists(target) || new FileInfo(target).Length != entry.Size)
            {
                await WriteFileAsync(target, store.OpenRead(entry.Blob!.Digest), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes through a temporary file renamed into place, so a reader never sees half a file.</summary>
    private static async Task WriteFileAsync(string target, Stream source, CancellationToken cancellationToken)
    {
        var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (source.ConfigureAwait(false))
            {
                await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
