using System.Collections.Immutable;
using Kiln.Dockerfile.Instructions;
using Kiln.Graph;

namespace Kiln.Dockerfile.Conversion;

/// <summary>WORKDIR: resolved against the previous one; any directory but "/" is created by a mkdir op (a layer).</summary>
internal sealed class WorkdirConverter : InstructionConverter<WorkdirInstruction>
{
    public override bool IsStep => true;

    protected override void Convert(WorkdirInstruction instruction, StageState stage, ConversionContext context)
    {
        var path = context.Expand(stage, instruction.Path);
        var dir = Paths.Join(stage.WorkingDir, path);
        stage.Config = stage.Config with { WorkingDir = dir };
        var withLayer = dir != "/";
        if (withLayer)
        {
            var mkdir = new MkdirAction(dir, Paths.Mode755)
            {
                MakeParents = true,
                Owner = Paths.Owner(stage.Config.User),
            };
            var inputs = stage.State is null ? ImmutableArray<Edge>.Empty : [stage.State];
            stage.State = context.Add(
                new FileOp(stage.State is null ? -1 : 0, [mkdir]),
                inputs,
                stage.Metadata("WORKDIR " + path, instruction.Span));
        }

        stage.Commit("WORKDIR " + dir, withLayer);
    }
}
