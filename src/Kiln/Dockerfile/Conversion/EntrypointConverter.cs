using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>ENTRYPOINT: sets Entrypoint; an inherited CMD is dropped unless this stage set one itself.</summary>
internal sealed class EntrypointConverter : InstructionConverter<EntrypointInstruction>
{
    protected override void Convert(EntrypointInstruction instruction, StageState stage, ConversionContext context)
    {
        var args = CommandArgs.Resolve(instruction.Command, stage.Config);
        stage.Config = stage.Config with { Entrypoint = args, Cmd = stage.CmdSet ? stage.Config.Cmd : null };
        stage.Commit("ENTRYPOINT " + GoFormat.QuoteList(args), withLayer: false);
    }
}
