using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>MAINTAINER: sets the image author (not expanded).</summary>
internal sealed class MaintainerConverter : InstructionConverter<MaintainerInstruction>
{
    protected override void Convert(MaintainerInstruction instruction, StageState stage, ConversionContext context)
    {
        stage.Image = stage.Image with { Author = instruction.Maintainer.Text };
        stage.Commit("MAINTAINER " + instruction.Maintainer.Text, withLayer: false);
    }
}
