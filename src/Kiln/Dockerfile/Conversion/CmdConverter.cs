using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>CMD: sets Cmd (shell form wrapped in the SHELL) with ArgsEscaped; a later ENTRYPOINT of the stage keeps it.</summary>
internal sealed class CmdConverter : InstructionConverter<CmdInstruction>
{
    protected override void Convert(CmdInstruction instruction, StageState stage, ConversionContext context)
    {
        var args = CommandArgs.Resolve(instruction.Command, stage.Config);
        stage.Config = stage.Config with { Cmd = args, ArgsEscaped = true };
        stage.CmdSet = true;
        stage.Commit("CMD " + GoFormat.QuoteList(args), withLayer: false);
    }
}
