using System.Formats.Tar;
using Kiln.Content;

namespace Kiln.Export;

/// <summary>
/// Streams layout entries as a reproducible tar: entries sorted by path with their parent directories, every
/// entry owned by 0:0 with mtime 0 and fixed modes, so the same image always yields the same bytes.
/// </summary>
internal static class DeterministicTar
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const int MaxUstarName = 100;
    private const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static async Task WriteAsync(ContentStore store, IEnumerable<LayoutEntry> entries, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entries);
        var files = entries.GroupBy(e => e.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var directories = files.SelectMany(f => Parents(f.Path)).ToHashSet(StringComparer.Ordinal);
        var paths = directories.Select(d => (Path: d + "/", Entry: (LayoutEntry?)null))
            .Concat(files.Select(f => (f.Path, Entry: (LayoutEntry?)f)))
            .OrderBy(p => p.Path, StringComparer.Ordinal);

        await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (path, entry) in paths)
        {
            if (entry is null)
            {
                await writer.WriteEntryAsync(Fixed(Create(TarEntryType.Directory, path), DirectoryMode), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var tarEntry = Fixed(Create(TarEntryType.RegularFile, path), FileMode);
            await using var data = entry.Bytes is { } bytes ? new MemoryStream(bytes, writable: false) : store.OpenRead(entry.Blob!.Digest);
            if (data.Length != entry.Size)
            {
                throw new Diagnostics.KilnException(Diagnostics.ErrorCodes.ExportBlobSizeMismatch, $"{path}: the descriptor says {entry.Size} bytes but the blob has {data.Length}");
            }

            tarEntry.DataStream = data;
            await writer.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A ustar entry, or for a path longer than ustar's name field (a sha512 blob) a pax entry with fixed times.</summary>
    private static PosixTarEntry Create(TarEntryType type, string path) =>
        path.Length <= MaxUstarName
            ? new UstarTarEntry(type, path)
            : new PaxTarEntry(type, path, [new("atime", "0"), new("ctime", "0")]);

    private static PosixTarEntry Fixed(PosixTarEntry entry, UnixFileMode mode)
    {
        entry.Mode = mode;
        entry.Uid = 0;
        entry.Gid = 0;
        entry.UserName = "";
        entry.GroupName = "";
        entry.ModificationTime = DateTimeOffset.UnixEpoch;
        return entry;
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
