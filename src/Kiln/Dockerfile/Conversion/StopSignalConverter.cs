using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>STOPSIGNAL: the expanded signal.</summary>
internal sealed class StopSignalConverter : InstructionConverter<StopSignalInstruction>
{
    protected override void Convert(StopSignalInstruction instruction, StageState stage, ConversionContext context)
    {
        var signal = context.Expand(stage, instruction.Signal);
        stage.Config = stage.Config with { StopSignal = signal };
        stage.Commit("STOPSIGNAL " + signal, withLayer: false);
    }
}
