using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>SHELL: the shell later shell-form commands run in.</summary>
internal sealed class ShellConverter : InstructionConverter<ShellInstruction>
{
    protected override void Convert(ShellInstruction instruction, StageState stage, ConversionContext context)
    {
        var shell = instruction.Shell.Select(w => w.Text).ToList();
        stage.Config = stage.Config with { Shell = [.. shell] };
        stage.Commit("SHELL " + GoFormat.List(shell), withLayer: false);
    }
}
