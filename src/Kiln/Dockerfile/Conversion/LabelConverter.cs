using System.Text;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>LABEL: expanded keys and values added to the inherited labels.</summary>
internal sealed class LabelConverter : InstructionConverter<LabelInstruction>
{
    protected override void Convert(LabelInstruction instruction, StageState stage, ConversionContext context)
    {
        var labels = stage.Config.Labels;
        var message = new StringBuilder("LABEL");
        foreach (var pair in instruction.Pairs)
        {
            var key = context.Expand(stage, pair.Key);
            var value = context.Expand(stage, pair.Value);
            labels = labels.SetItem(key, value);
            message.Append(' ').Append(key).Append('=').Append(value);
        }

        stage.Config = stage.Config with { Labels = labels };
        stage.Commit(message.ToString(), withLayer: false);
    }
}
