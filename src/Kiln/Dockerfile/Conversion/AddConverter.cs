using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>ADD: COPY plus URLs (downloaded by an http source) and extraction of local archives.</summary>
internal sealed class AddConverter : InstructionConverter<AddInstruction>
{
    public override bool IsStep => true;

    protected override void Convert(AddInstruction instruction, StageState stage, ConversionContext context) =>
        CopyPlanner.Apply(CopySpec.Of(instruction), stage, context);
}
