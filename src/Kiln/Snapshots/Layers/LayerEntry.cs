using System.Collections.Immutable;
using System.Formats.Tar;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// One normalized tar entry as kiln reads or writes it: a relative path (directories without a trailing slash), numeric
/// owner, permission bits, whole-second mtime and sorted xattrs. Uname and gname are deliberately absent.
/// </summary>
internal sealed record LayerEntry(string Path, TarEntryType Type)
{
    public uint Mode { get; init; }

    public int Uid { get; init; }

    public int Gid { get; init; }

    public long Size { get; init; }

    public long MtimeSeconds { get; init; }

    public string LinkName { get; init; } = "";

    public int DeviceMajor { get; init; }

    public int DeviceMinor { get; init; }

    public ImmutableSortedDictionary<string, byte[]> Xattrs { get; init; } = ImmutableSortedDictionary<string, byte[]>.Empty;
}
