namespace Kiln.Snapshots;

/// <summary>Which snapshotter a kiln root uses: overlayfs, the copy-based fallback, or overlayfs when a probe mount works.</summary>
internal enum SnapshotterChoice
{
    Auto,
    Overlay,
    Copy,
}
