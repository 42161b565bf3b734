using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>USER: the expanded user[:group] later RUNs and the image use.</summary>
internal sealed class UserConverter : InstructionConverter<UserInstruction>
{
    protected override void Convert(UserInstruction instruction, StageState stage, ConversionContext context)
    {
        var user = context.Expand(stage, instruction.User);
        stage.Config = stage.Config with { User = user };
        stage.Commit("USER " + user, withLayer: false);
    }
}
