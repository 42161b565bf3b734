using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>ONBUILD: stores the trigger text in the config; BuildKit writes no history entry for it.</summary>
internal sealed class OnbuildConverter : InstructionConverter<OnbuildInstruction>
{
    protected override void Convert(OnbuildInstruction instruction, StageState stage, ConversionContext context) =>
        stage.Config = stage.Config with { OnBuild = [.. stage.Config.OnBuild ?? [], instruction.Expression] };
}
