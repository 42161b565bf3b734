using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Snapshots.Layers;

namespace Kiln.Snapshots;

/// <summary>
/// Snapshots on kernel overlayfs: a snapshot's <c>fs</c> is its upper directory while active and its layer once committed;
/// the root of an active snapshot is an overlay of the committed parent chain (newest first) under that upper. Index,
/// redirect_dir and metacopy are switched off so the upper directory alone always describes the change.
/// </summary>
internal sealed class OverlaySnapshotter(KilnPaths paths, MetadataDatabase database) : Snapshotter(paths, database)
{
    public const string DriverName = "overlay";

    public override string Driver => DriverName;

    protected override WhiteoutMode WhiteoutMode => WhiteoutMode.Overlay;

    /// <summary>The overlay options for one upper over lowers (exposed for tests and the executor's runtime spec).</summary>
    public static ImmutableArray<string> OverlayOptions(IEnumerable<string> lowers, string upper, string work) =>
    [
        "lowerdir=" + string.Join(':', lowers),
        "upperdir=" + upper,
        "workdir=" + work,
        "index=off",
        "redirect_dir=off",
        "metacopy=off",
    ];

    protected override Task PopulateAsync(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(WorkDirectory(snapshot));
        return Task.CompletedTask;
    }

    protected override ImmutableArray<SnapshotMount> BuildMounts(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain)
    {
        if (chain.IsEmpty)
        {
            return [new SnapshotMount("bind", FilesDirectory(snapshot), ["rbind", "rw"])];
        }

        return [new SnapshotMount("overlay", "overlay", OverlayOptions(chain.Select(FilesDirectory), FilesDirectory(snapshot), WorkDirectory(snapshot)))];
    }

    /// <summary>One layer is a read-only bind; several are an overlay of lowers only (no upper: the kernel makes it read-only).</summary>
    protected override ImmutableArray<SnapshotMount> BuildViewMounts(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain) =>
        chain.IsEmpty
            ? [new SnapshotMount("bind", FilesDirectory(snapshot), ["rbind", "ro"])]
            : [new SnapshotMount("overlay", "overlay", ["lowerdir=" + string.Join(':', chain.Insert(0, snapshot).Select(FilesDirectory)), "index=off", "redirect_dir=off", "metacopy=off"])];

    protected override IEnumerable<Change> Changes(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain) =>
        OverlayChanges.Walk(FilesDirectory(snapshot));

    /// <summary>The work directory belongs to a mounted upper only; a committed layer does not keep one.</summary>
    protected override void BeforeCommit(SnapshotInfo snapshot) => DeleteTree(WorkDirectory(snapshot));

    private string WorkDirectory(SnapshotInfo snapshot) => Path.Combine(SnapshotDirectory(snapshot), "work");
}
