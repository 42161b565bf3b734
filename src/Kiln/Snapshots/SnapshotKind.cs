namespace Kiln.Snapshots;

/// <summary>The life cycle of a snapshot: preparing (directories being made; cleaned at the next start), active (writable), committed (immutable).</summary>
internal enum SnapshotKind
{
    Preparing,
    Active,
    Committed,
}
