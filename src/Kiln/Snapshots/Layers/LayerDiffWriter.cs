using System.Collections.Immutable;
using System.Formats.Tar;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Streams a sequence of <see cref="Change"/>s as a normalized layer tar: each file's metadata is read from disk as it is
/// archived (never the whole layer in memory), hard links inside the layer are written once and linked after, overlay
/// xattrs are dropped and mtimes are clamped to <c>clampMtime</c> when one is given.
/// </summary>
internal static class LayerDiffWriter
{
    public static async Task<int> WriteAsync(IEnumerable<Change> changes, Stream output, long? clampMtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var tar = new LayerTarWriter(output);
        var links = new Dictionary<(ulong Device, ulong Inode), string>();
        var count = 0;
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (change.Kind)
            {
                case ChangeKind.Delete:
                    await tar.WriteEntryAsync(Marker(WhiteoutName(change.Path)), null, cancellationToken).ConfigureAwait(false);
                    break;
                case ChangeKind.Opaque:
                    await tar.WriteEntryAsync(Marker($"{change.Path}/{LayerApplier.OpaqueMarker}"), null, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    if (!await WriteAddAsync(tar, change, links, clampMtime, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    break;
            }

            count++;
        }

        await tar.FinishAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>The tar entry that records the current state of a path, or null for what a layer cannot hold (sockets).</summary>
    public static LayerEntry? Describe(string relative, string host, FileStatus status, long? clampMtime)
    {
        var type = status.FileType switch
        {
            FileStatus.TypeDirectory => TarEntryType.Directory,
            FileStatus.TypeRegular => TarEntryType.RegularFile,
            FileStatus.TypeSymlink => TarEntryType.SymbolicLink,
            LibC.ModeCharDevice => TarEntryType.CharacterDevice,
            LibC.ModeBlockDevice => TarEntryType.BlockDevice,
            LibC.ModeFifo => TarEntryType.Fifo,
            _ => (TarEntryType?)null,
        };
        if (type is null)
        {
            return null;
        }

        var xattrs = Xattrs.List(host);
        var kept = xattrs.Keys.All(k => !k.StartsWith(Xattrs.OverlayPrefix, StringComparison.Ordinal))
            ? xattrs
            : xattrs.Where(x => !x.Key.StartsWith(Xattrs.OverlayPrefix, StringComparison.Ordinal)).ToImmutableSortedDictionary(StringComparer.Ordinal);
        return new LayerEntry(relative, type.Value)
        {
            Mode = status.Permissions,
            Uid = status.Uid,
            Gid = status.Gid,
            Size = type == TarEntryType.RegularFile ? status.Size : 0,
            MtimeSeconds = clampMtime is { } clamp && status.MtimeSeconds > clamp ? clamp : status.MtimeSeconds,
            LinkName = type == TarEntryType.SymbolicLink ? new FileInfo(host).LinkTarget ?? "" : "",
            DeviceMajor = (int)status.DeviceMajor,
            DeviceMinor = (int)status.DeviceMinor,
            Xattrs = kept,
        };
    }

    private static async Task<bool> WriteAddAsync(
        LayerTarWriter tar,
        Change change,
        Dictionary<(ulong Device, ulong Inode), string> links,
        long? clampMtime,
        CancellationToken cancellationToken)
    {
        var host = change.HostPath!;
        var status = FileStatus.Get(host);
        if (Describe(change.Path, host, status, clampMtime) is not { } entry)
        {
            return false;
        }

        if (status.IsRegular && status.LinkCount > 1)
        {
            if (links.TryGetValue((status.Device, status.Inode), out var first))
            {
                var link = entry with { Type = TarEntryType.HardLink, LinkName = first, Size = 0 };
                await tar.WriteEntryAsync(link, null, cancellationToken).ConfigureAwait(false);
                return true;
            }

            links[(status.Device, status.Inode)] = change.Path;
        }

        if (entry.Type != TarEntryType.RegularFile || entry.Size == 0)
        {
            await tar.WriteEntryAsync(entry, null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var content = new FileStream(host, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (content.ConfigureAwait(false))
        {
            await tar.WriteEntryAsync(entry, content, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static string WhiteoutName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? LayerApplier.WhiteoutPrefix + path : $"{path[..slash]}/{LayerApplier.WhiteoutPrefix}{path[(slash + 1)..]}";
    }

    /// <summary>Whiteout and opaque markers: empty regular files with fixed metadata, so deletions never vary the bytes.</summary>
    private static LayerEntry Marker(string path) => new(path, TarEntryType.RegularFile);
}
