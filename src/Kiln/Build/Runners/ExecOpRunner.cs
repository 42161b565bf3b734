using System.Collections.Immutable;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Exec;
using Kiln.Graph;
using Kiln.Progress;
using Kiln.Snapshots;
using Kiln.Solver;
using ExecNetwork = Kiln.Exec.NetworkMode;
using ExecSecurity = Kiln.Exec.SecurityMode;

namespace Kiln.Build.Runners;

/// <summary>
/// Runs <see cref="ExecOp"/> (RUN): the process runs in a writable snapshot over the root mount's input, with the
/// other mounts resolved from the inputs, the cache-mount store and the build's <see cref="ExecSession"/>; output 0
/// is that snapshot committed, further outputs are the writable mounts that have one. Process output goes to the
/// vertex's progress log; a non-zero exit throws KILN1740 with the vertex's source span. The executor is started
/// by <c>startExecutor</c> on the first step only (a build without RUN never needs runc), once per runner:
/// <code>
/// OpResolver.With(new ExecOpRunner(
///     ct => Executor.StartAsync(RuntimeOptions.Create(paths, getEnv), ct), snapshotter, paths,
///     ExecSession.FromFlags(allow, secrets, ssh, getEnv)))
/// </code>
/// </summary>
internal sealed class ExecOpRunner(
    Func<CancellationToken, Task<Executor>> startExecutor, Snapshotter snapshotter, KilnPaths paths, ExecSession session)
    : OpRunner<ExecOp>
{
    private readonly SemaphoreSlim starting = new(1, 1);
    private Executor? executor;

    protected override async Task<ImmutableArray<OpResult>> RunAsync(ExecOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        var span = context.Vertex.Metadata.Source;
        var root = op.Mounts.OrEmpty().FirstOrDefault(m => m.Destination == "/" && m.Type == MountType.Bind)
            ?? throw new KilnException(ErrorCodes.ExecRootMissing, "exec op has no root mount", span);
        var names = Enumerable.Range(0, op.OutputCount).Select(i => ResultSnapshots.Name(context.CacheKey, i)).ToArray();
        if (names.Length > 0 && await ExistingAsync(names, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var network = Network(op.Network);
        var security = op.Security == Graph.SecurityMode.Insecure ? ExecSecurity.Insecure : ExecSecurity.Sandbox;
        session.Entitlements.RequireFor(network, security, span);
        var runtime = await ExecutorAsync(cancellationToken).ConfigureAwait(false);

        var parent = root.Input >= 0 ? context.Inputs[root.Input].Id : null;
        await using var rootfs = await WritableSnapshot.PrepareAsync(snapshotter, paths, parent, "root", mount: true, cancellationToken).ConfigureAwait(false);
        await using var mounts = await ExecMountSet.ResolveAsync(op.Mounts.OrEmpty().Where(m => !ReferenceEquals(m, root)), context.Inputs, snapshotter, paths, cancellationToken)
            .ConfigureAwait(false);
        var request = new ExecRequest
        {
            Rootfs = rootfs.Path,
            Args = op.Args,
            Env = op.Env,
            WorkingDirectory = string.IsNullOrEmpty(op.Cwd) ? "/" : op.Cwd,
            User = op.User,
            Network = network,
            Security = security,
            Platform = op.Platform,
            Mounts = mounts.Mounts,
            Span = span,
        };
        await runtime.RunAsync(request, session, line => context.Progress.Log((LogStream)line.Stream, line.Data.ToArray()), cancellationToken)
            .ConfigureAwait(false);

        var results = new OpResult[op.OutputCount];
        if (root.Output >= 0)
        {
            await rootfs.PruneCopiedUpAsync(cancellationToken).ConfigureAwait(false);
            results[root.Output] = await rootfs.CommitAsync(names[root.Output], cancellationToken).ConfigureAwait(false);
        }

        foreach (var (output, snapshot) in mounts.Outputs)
        {
            await snapshot.PruneCopiedUpAsync(cancellationToken).ConfigureAwait(false);
            results[output] = await snapshot.CommitAsync(names[output], cancellationToken).ConfigureAwait(false);
        }

        return [.. results];
    }

    /// <summary>All outputs already committed (a rerun without a cache record, or a concurrent session): no need to run.</summary>
    private async Task<ImmutableArray<OpResult>?> ExistingAsync(string[] names, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<OpResult>(names.Length);
        foreach (var name in names)
        {
            if (await ResultSnapshots.ExistingAsync(snapshotter, name, cancellationToken).ConfigureAwait(false) is not { } result)
            {
                return null;
            }

            results.Add(result);
        }

        return results.MoveToImmutable();
    }

    private async Task<Executor> ExecutorAsync(CancellationToken cancellationToken)
    {
        if (executor is { } started)
        {
            return started;
        }

        await starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return executor ??= await startExecutor(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            starting.Release();
        }
    }

    private static ExecNetwork Network(Graph.NetworkMode network) => network switch
    {
        Graph.NetworkMode.Host => ExecNetwork.Host,
        Graph.NetworkMode.None => ExecNetwork.None,
        _ => ExecNetwork.Default,
    };
}
