using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>
/// Interprets args as a tiny script over the root mount: "write PATH TEXT", "noop ...", "gate" (wait for the
/// test), "fail", "log TEXT"; a read-only mount's selected files are copied under its destination.
/// </summary>
internal sealed class FakeExecRunner(FakeBackend backend) : OpRunner<ExecOp>
{
    protected override async Task<ImmutableArray<OpResult>> RunAsync(ExecOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        using var _ = backend.Enter(context.Vertex);
        var root = op.Mounts.Single(m => m.Destination == "/");
        var tree = root.Input < 0 ? FakeTree.Empty : backend.Tree(context.Inputs[root.Input]);
        foreach (var mount in op.Mounts.Where(m => m.ReadOnly && m.Input >= 0))
        {
            var selection = new InputSelection([new PathSelector(mount.Selector)]);
            foreach (var (path, content) in backend.Tree(context.Inputs[mount.Input]).Select(selection))
            {
                tree = tree.With(mount.Destination.TrimEnd('/') + path, content);
            }
        }

        switch (op.Args[0])
        {
            case "write":
                tree = tree.With(op.Args[1], op.Args[2]);
                break;
            case "gate":
                await backend.WaitGateAsync(context.Vertex, cancellationToken);
                break;
            case "fail":
                throw new InvalidOperationException("process exited with code 1");
            case "log":
                context.Progress.Log(Kiln.Progress.LogStream.Stdout, System.Text.Encoding.UTF8.GetBytes(op.Args[1]));
                break;
        }

        return [backend.Store(tree)];
    }
}
