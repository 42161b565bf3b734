using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>COPY: see <see cref="CopyPlanner"/>.</summary>
internal sealed class CopyConverter : InstructionConverter<CopyInstruction>
{
    public override bool IsStep => true;

    protected override void Convert(CopyInstruction instruction, StageState stage, ConversionContext context) =>
        CopyPlanner.Apply(CopySpec.Of(instruction), stage, context);
}
