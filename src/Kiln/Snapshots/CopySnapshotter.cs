using System.Collections.Immutable;
using System.Diagnostics;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Snapshots.Layers;

namespace Kiln.Snapshots;

/// <summary>
/// The fallback where overlayfs is unavailable: every snapshot is a full copy of its parent's tree (<c>cp -a</c>, with
/// reflinks where the filesystem has them), mounted by a bind mount; diffs compare the two trees.
/// </summary>
internal sealed class CopySnapshotter(KilnPaths paths, MetadataDatabase database) : Snapshotter(paths, database)
{
    public const string DriverName = "copy";

    public override string Driver => DriverName;

    protected override WhiteoutMode WhiteoutMode => WhiteoutMode.Direct;

    protected override async Task PopulateAsync(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain, CancellationToken cancellationToken)
    {
        if (chain.IsEmpty)
        {
            return;
        }

        var start = new ProcessStartInfo("cp") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-a", "--reflink=auto", "--", FilesDirectory(chain[0]) + "/.", FilesDirectory(snapshot) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new KilnException(ErrorCodes.SnapshotIoFailed, "cannot start cp to copy a snapshot");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new KilnException(
                ErrorCodes.SnapshotIoFailed,
                $"copying snapshot \"{chain[0].Key}\" for \"{snapshot.Key}\" failed (cp exit code {process.ExitCode}): {errors.Trim()}");
        }
    }

    protected override ImmutableArray<SnapshotMount> BuildMounts(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain) =>
        [new SnapshotMount("bind", FilesDirectory(snapshot), ["rbind", "rw"])];

    protected override ImmutableArray<SnapshotMount> BuildViewMounts(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain) =>
        [new SnapshotMount("bind", FilesDirectory(snapshot), ["rbind", "ro"])];

    protected override IEnumerable<Change> Changes(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain) =>
        TreeChanges.Compare(chain.IsEmpty ? null : FilesDirectory(chain[0]), FilesDirectory(snapshot));
}
