using System.Collections.Immutable;
using System.Globalization;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots.Layers;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots;

/// <summary>
/// Snapshots as directories under <c>$KILN_ROOT/snapshots/&lt;driver&gt;/&lt;id&gt;/</c> with their records in the metadata
/// database. Prepare records a snapshot as preparing before any directory exists and marks it active once its directories
/// are complete, so <see cref="CleanupAsync"/> can remove whatever a crash left half made. Committed snapshots are
/// never written again. The drivers differ in how a writable root is assembled (<see cref="OverlaySnapshotter"/>,
/// <see cref="CopySnapshotter"/>).
/// </summary>
internal abstract class Snapshotter
{
    protected Snapshotter(KilnPaths paths, MetadataDatabase database)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Database = database;
        Table = new SnapshotTable(database);
        DriverDirectory = Path.Combine(paths.Root, "snapshots", Driver);
    }

    /// <summary>"overlay" or "copy": the directory name and the driver recorded with each snapshot.</summary>
    public abstract string Driver { get; }

    public string DriverDirectory { get; }

    /// <summary>The metadata database holding the snapshot records (and what else is recorded about them).</summary>
    public MetadataDatabase Database { get; }

    /// <summary>How old an unfinished prepare must be before <see cref="CleanupAsync"/> treats it as abandoned.</summary>
    public static TimeSpan AbandonedAfter { get; } = TimeSpan.FromMinutes(10);

    protected SnapshotTable Table { get; }

    /// <summary>The directory holding the snapshot's files (for overlay: its upper or committed layer).</summary>
    public string FilesDirectory(SnapshotInfo snapshot) => Path.Combine(SnapshotDirectory(snapshot), "fs");

    /// <summary>Creates a writable snapshot on top of a committed parent (or empty) and returns how to mount it.</summary>
    public async Task<ImmutableArray<SnapshotMount>> PrepareAsync(string key, string? parent, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        var info = await Table.InsertPreparingAsync(key, parent, Driver, cancellationToken).ConfigureAwait(false);
        try
        {
            var chain = await ParentChainAsync(info, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(FilesDirectory(info));
            await PopulateAsync(info, chain, cancellationToken).ConfigureAwait(false);
            var active = await Table.TransitionAsync(key, SnapshotKind.Preparing, SnapshotKind.Active, key, 0, cancellationToken).ConfigureAwait(false);
            return BuildMounts(active, chain);
        }
        catch
        {
            RemoveDirectory(info);
            await Table.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>How to mount an active snapshot as a writable root filesystem.</summary>
    public async Task<ImmutableArray<SnapshotMount>> MountsAsync(string key, CancellationToken cancellationToken)
    {
        var info = await RequireAsync(key, SnapshotKind.Active, cancellationToken).ConfigureAwait(false);
        return BuildMounts(info, await ParentChainAsync(info, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Mounts an active snapshot on an existing directory.</summary>
    public async Task MountAsync(string key, string target, CancellationToken cancellationToken)
    {
        foreach (var mount in await MountsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            SnapshotMounter.Mount(mount, target);
        }
    }

    public static void Unmount(string target) => SnapshotMounter.Unmount(target);

    /// <summary>How to mount a committed snapshot read-only with its whole parent chain (what a later step sees of it).</summary>
    public async Task<ImmutableArray<SnapshotMount>> ViewMountsAsync(string key, CancellationToken cancellationToken)
    {
        var info = await RequireAsync(key, SnapshotKind.Committed, cancellationToken).ConfigureAwait(false);
        return BuildViewMounts(info, await ParentChainAsync(info, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Mounts a committed snapshot read-only on an existing directory; undo with <see cref="Unmount"/>.</summary>
    public async Task MountViewAsync(string key, string target, CancellationToken cancellationToken)
    {
        foreach (var mount in await ViewMountsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            SnapshotMounter.Mount(mount, target);
        }
    }

    /// <summary>Turns an active snapshot into the committed snapshot <paramref name="name"/>; it must not be mounted any more.</summary>
    public async Task<SnapshotInfo> CommitAsync(string key, string name, CancellationToken cancellationToken)
    {
        ValidateKey(name);
        var info = await RequireAsync(key, SnapshotKind.Active, cancellationToken).ConfigureAwait(false);
        var size = MeasureSize(FilesDirectory(info));
        BeforeCommit(info);
        return await Table.TransitionAsync(key, SnapshotKind.Active, SnapshotKind.Committed, name, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a snapshot that is no snapshot's parent: the record first, so a crash leaves only a directory for cleanup.</summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var info = await Table.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        RemoveDirectory(info);
    }

    public Task<SnapshotInfo?> StatAsync(string key, CancellationToken cancellationToken) => Table.GetAsync(key, cancellationToken);

    public Task<ImmutableArray<SnapshotInfo>> ListAsync(CancellationToken cancellationToken) => Table.ListAsync(Driver, cancellationToken);

    /// <summary>
    /// Run at start: removes snapshots left in the preparing state and directories without a record (a crash during
    /// prepare or remove) once they are older than <paramref name="olderThan"/>, so that a concurrent kiln process's
    /// prepare in progress survives. Returns how many were removed.
    /// </summary>
    public async Task<int> CleanupAsync(TimeSpan olderThan, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var cutoff = timeProvider.GetUtcNow() - olderThan;
        var removed = 0;
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (info.Kind == SnapshotKind.Preparing && info.Created <= cutoff)
            {
                await Table.DeleteAsync(info.Key, cancellationToken).ConfigureAwait(false);
                RemoveDirectory(info);
                removed++;
                continue;
            }

            known.Add(info.Id.ToString(CultureInfo.InvariantCulture));
        }

        if (Directory.Exists(DriverDirectory))
        {
            foreach (var directory in Directory.EnumerateDirectories(DriverDirectory))
            {
                if (!known.Contains(Path.GetFileName(directory)) && Directory.GetLastWriteTimeUtc(directory) <= cutoff.UtcDateTime)
                {
                    DeleteTree(directory);
                    removed++;
                }
            }
        }

        return removed;
    }

    /// <summary>Applies a layer blob into an active snapshot (for overlay: into its upper directory, with overlay whiteouts).</summary>
    public async Task<LayerApplyResult> ApplyLayerAsync(string key, Stream blob, Descriptor layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var info = await RequireAsync(key, SnapshotKind.Active, cancellationToken).ConfigureAwait(false);
        var chain = await ParentChainAsync(info, cancellationToken).ConfigureAwait(false);
        var lowers = WhiteoutMode == WhiteoutMode.Overlay ? [.. chain.Select(FilesDirectory)] : ImmutableArray<string>.Empty;
        return await LayerApplier.ApplyAsync(blob, layer.MediaType, layer.Digest, FilesDirectory(info), WhiteoutMode, lowers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The changes of a snapshot against its parent, in archive order (lazily walked).</summary>
    public async Task<IEnumerable<Change>> ChangesAsync(string key, CancellationToken cancellationToken)
    {
        var info = await StatAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" does not exist");
        var chain = await ParentChainAsync(info, cancellationToken).ConfigureAwait(false);
        return Changes(info, chain);
    }

    /// <summary>Writes the diff of a snapshot against its parent as a layer into the content store.</summary>
    public async Task<LayerDiffResult> DiffAsync(string key, ContentStore store, LayerDiffOptions options, CancellationToken cancellationToken)
    {
        var changes = await ChangesAsync(key, cancellationToken).ConfigureAwait(false);
        return await LayerDiffer.WriteAsync(store, changes, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The committed ancestors of a snapshot, nearest first.</summary>
    public async Task<ImmutableArray<SnapshotInfo>> ParentChainAsync(SnapshotInfo snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var chain = ImmutableArray.CreateBuilder<SnapshotInfo>();
        for (var parent = snapshot.Parent; parent is not null;)
        {
            var info = await StatAsync(parent, cancellationToken).ConfigureAwait(false)
                ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"parent snapshot \"{parent}\" of \"{snapshot.Key}\" does not exist");
            chain.Add(info);
            parent = info.Parent;
        }

        return chain.ToImmutable();
    }

    protected abstract WhiteoutMode WhiteoutMode { get; }

    protected string SnapshotDirectory(SnapshotInfo snapshot) =>
        Path.Combine(DriverDirectory, snapshot.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Fills a new snapshot's directory (whose <c>fs</c> exists and is empty) from its parent chain.</summary>
    protected abstract Task PopulateAsync(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain, CancellationToken cancellationToken);

    protected abstract ImmutableArray<SnapshotMount> BuildMounts(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain);

    /// <summary>The read-only mount of a committed snapshot over its chain.</summary>
    protected abstract ImmutableArray<SnapshotMount> BuildViewMounts(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain);

    protected abstract IEnumerable<Change> Changes(SnapshotInfo snapshot, ImmutableArray<SnapshotInfo> chain);

    protected virtual void BeforeCommit(SnapshotInfo snapshot)
    {
    }

    protected static void DeleteTree(string path)
    {
        try
        {
            FileOps.RemoveAll(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KilnException(ErrorCodes.SnapshotIoFailed, $"cannot remove {path}: {ex.Message}", inner: ex);
        }
    }

    private void RemoveDirectory(SnapshotInfo snapshot) => DeleteTree(SnapshotDirectory(snapshot));

    private async Task<SnapshotInfo> RequireAsync(string key, SnapshotKind kind, CancellationToken cancellationToken)
    {
        var info = await StatAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" does not exist");
        return info.Kind == kind && info.Driver == Driver
            ? info
            : throw new KilnException(ErrorCodes.SnapshotStateInvalid, $"snapshot \"{key}\" is a {info.Kind} {info.Driver} snapshot, expected {kind} {Driver}");
    }

    /// <summary>Bytes of regular files below a directory, never following symlinks.</summary>
    private static long MeasureSize(string directory)
    {
        long size = 0;
        foreach (var name in OverlayChanges.SortedNames(directory))
        {
            var path = Path.Combine(directory, name);
            var status = FileStatus.Get(path);
            size += status.IsDirectory ? MeasureSize(path) : status.IsRegular ? status.Size : 0;
        }

        return size;
    }

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 1024 || key.Any(char.IsControl))
        {
            throw new KilnException(ErrorCodes.InvalidSnapshotKey, $"invalid snapshot key \"{key}\": it must be 1 to 1024 characters without control characters");
        }
    }
}
