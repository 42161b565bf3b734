using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>Applies copy (of a path prefix) and mkfile actions to the base tree.</summary>
internal sealed class FakeFileRunner(FakeBackend backend) : OpRunner<FileOp>
{
    protected override Task<ImmutableArray<OpResult>> RunAsync(FileOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        using var _ = backend.Enter(context.Vertex);
        var tree = op.BaseInput < 0 ? FakeTree.Empty : backend.Tree(context.Inputs[op.BaseInput]);
        foreach (var action in op.Actions)
        {
            switch (action)
            {
                case CopyAction copy:
                    var source = backend.Tree(context.Inputs[copy.FromInput]);
                    foreach (var (path, content) in source.Select(new InputSelection([copy.Selector])))
                    {
                        tree = tree.With(copy.Destination.TrimEnd('/') + path, content);
                    }

                    break;
                case MkfileAction mkfile:
                    tree = tree.With(mkfile.Path, System.Text.Encoding.UTF8.GetString(mkfile.Data.AsSpan()));
                    break;
                default:
                    throw new NotSupportedException(action.Kind);
            }
        }

        return Task.FromResult<ImmutableArray<OpResult>>([backend.Store(tree)]);
    }
}
