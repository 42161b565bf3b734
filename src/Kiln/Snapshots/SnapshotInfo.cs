namespace Kiln.Snapshots;

/// <summary>
/// One snapshot as recorded in the metadata database. <see cref="Id"/> names its directory under
/// <c>$KILN_ROOT/snapshots/&lt;driver&gt;/</c> (short, so that long overlay lowerdir lists stay short).
/// </summary>
internal sealed record SnapshotInfo(long Id, string Key, string Driver, string? Parent, SnapshotKind Kind, DateTimeOffset Created, long Size);
