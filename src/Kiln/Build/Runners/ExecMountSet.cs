using System.Collections.Immutable;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Exec;
using Kiln.Exec.Mounts;
using Kiln.Graph;
using Kiln.Snapshots;
using Kiln.Solver;
using CacheSharing = Kiln.Exec.Mounts.CacheSharing;
using RunMount = Kiln.Exec.Mounts.RunMount;

namespace Kiln.Build.Runners;

/// <summary>
/// The non-root mounts of one exec op as executor mounts. Inputs are shown through read-only snapshot views (one
/// per input), a writable mount with an output gets its own <see cref="WritableSnapshot"/> over its input, and a
/// bind of scratch is an empty directory. Disposing unmounts the views and drops uncommitted outputs.
/// </summary>
internal sealed class ExecMountSet : IAsyncDisposable
{
    private const string DefaultSshPrefix = "/run/buildkit/ssh_agent.";

    private readonly Snapshotter snapshotter;
    private readonly KilnPaths paths;
    private readonly ImmutableArray<OpResult> inputs;
    private readonly Dictionary<int, SnapshotView> views = [];
    private readonly List<string> emptyDirectories = [];

    private ExecMountSet(Snapshotter snapshotter, KilnPaths paths, ImmutableArray<OpResult> inputs)
    {
        this.snapshotter = snapshotter;
        this.paths = paths;
        this.inputs = inputs;
    }

    public ImmutableArray<RunMount> Mounts { get; private set; } = [];

    /// <summary>The writable snapshots of the op's extra outputs, by output index.</summary>
    public Dictionary<int, WritableSnapshot> Outputs { get; } = [];

    public static async Task<ExecMountSet> ResolveAsync(
        IEnumerable<ExecMount> mounts, ImmutableArray<OpResult> inputs, Snapshotter snapshotter, KilnPaths paths, CancellationToken cancellationToken)
    {
        var set = new ExecMountSet(snapshotter, paths, inputs);
        try
        {
            var resolved = ImmutableArray.CreateBuilder<RunMount>();
            foreach (var mount in mounts)
            {
                resolved.Add(await set.ResolveAsync(mount, cancellationToken).ConfigureAwait(false));
            }

            set.Mounts = resolved.ToImmutable();
            return set;
        }
        catch
        {
            await set.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var output in Outputs.Values)
        {
            await output.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var view in views.Values)
        {
            await view.DisposeAsync().ConfigureAwait(false);
        }

        emptyDirectories.ForEach(MountPoints.Remove);
    }

    private async Task<RunMount> ResolveAsync(ExecMount mount, CancellationToken cancellationToken) => mount.Type switch
    {
        MountType.Cache => new CacheMount(mount.Destination)
        {
            Id = mount.Cache?.Id,
            Sharing = Sharing(mount.Cache?.Sharing),
            ReadOnly = mount.ReadOnly,
            FromDirectory = mount.Input >= 0 ? await SourceAsync(mount, cancellationToken).ConfigureAwait(false) : null,
            Mode = (UnixFileMode)(mount.Cache?.Mode ?? Convert.ToInt32("755", 8)),
            Uid = (uint)(mount.Cache?.Uid ?? 0),
            Gid = (uint)(mount.Cache?.Gid ?? 0),
        },
        MountType.Secret => new SecretMount(mount.Secret?.Id ?? Path.GetFileName(mount.Destination))
        {
            Path = mount.Destination,
            Required = mount.Secret is { Optional: false },
            Mode = (UnixFileMode)(mount.Secret?.Mode ?? Convert.ToInt32("400", 8)),
            Uid = (uint)(mount.Secret?.Uid ?? 0),
            Gid = (uint)(mount.Secret?.Gid ?? 0),
        },
        MountType.Ssh => new SshMount
        {
            Id = mount.Ssh?.Id ?? SshMount.DefaultId,

            // The default socket path also gets SSH_AUTH_SOCK pointed at it, as BuildKit's client sets it.
            Path = mount.Destination.StartsWith(DefaultSshPrefix, StringComparison.Ordinal) ? null : mount.Destination,
            Required = mount.Ssh is { Optional: false },
            Mode = (UnixFileMode)(mount.Ssh?.Mode ?? Convert.ToInt32("600", 8)),
            Uid = (uint)(mount.Ssh?.Uid ?? 0),
            Gid = (uint)(mount.Ssh?.Gid ?? 0),
        },
        MountType.Tmpfs => new TmpfsMount(mount.Destination) { SizeBytes = mount.Tmpfs?.Size ?? 0 },
        _ => await BindAsync(mount, cancellationToken).ConfigureAwait(false),
    };

    private async Task<RunMount> BindAsync(ExecMount mount, CancellationToken cancellationToken)
    {
        if (mount.Output < 0 || mount.ReadOnly)
        {
            return new BindMount(await SourceAsync(mount, cancellationToken).ConfigureAwait(false), mount.Destination) { ReadWrite = !mount.ReadOnly };
        }

        var parent = mount.Input >= 0 ? inputs[mount.Input].Id : null;
        var output = await WritableSnapshot.PrepareAsync(snapshotter, paths, parent, $"output{mount.Output}", mount: true, cancellationToken).ConfigureAwait(false);
        Outputs.Add(mount.Output, output);
        return new BindMount(RootfsPath.Resolve(output.Path, mount.Selector), mount.Destination) { ReadWrite = true, KeepWrites = true };
    }

    /// <summary>The host directory showing the mount's selector of its input (an empty directory for scratch).</summary>
    private async Task<string> SourceAsync(ExecMount mount, CancellationToken cancellationToken)
    {
        if (mount.Input < 0)
        {
            var empty = MountPoints.Create(paths);
            emptyDirectories.Add(empty);
            return empty;
        }

        if (!views.TryGetValue(mount.Input, out var view))
        {
            view = await SnapshotView.MountAsync(snapshotter, paths, inputs[mount.Input].Id, cancellationToken).ConfigureAwait(false);
            views.Add(mount.Input, view);
        }

        return RootfsPath.Resolve(view.Path, mount.Selector);
    }

    private static CacheSharing Sharing(Graph.CacheSharing? sharing) => sharing switch
    {
        Graph.CacheSharing.Private => CacheSharing.Private,
        Graph.CacheSharing.Locked => CacheSharing.Locked,
        _ => CacheSharing.Shared,
    };
}
