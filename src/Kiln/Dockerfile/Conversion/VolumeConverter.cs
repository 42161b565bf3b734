using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>VOLUME: expanded paths added to the image's volumes.</summary>
internal sealed class VolumeConverter : InstructionConverter<VolumeInstruction>
{
    protected override void Convert(VolumeInstruction instruction, StageState stage, ConversionContext context)
    {
        var paths = instruction.Paths.Select(p => context.Expand(stage, p)).ToList();
        if (paths.Any(p => p.Length == 0))
        {
            context.Error(ErrorCodes.ConvertInvalidSource, "VOLUME specified can not be an empty string", instruction.Span);
        }

        stage.Config = stage.Config with { Volumes = stage.Config.Volumes.Union(paths.Where(p => p.Length > 0)) };
        stage.Commit("VOLUME " + GoFormat.List(paths), withLayer: false);
    }
}
