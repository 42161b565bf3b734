using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>Base of the typed converters: casts the instruction once.</summary>
internal abstract class InstructionConverter<T> : IInstructionConverter
    where T : Instruction
{
    public Type InstructionType => typeof(T);

    public virtual bool IsStep => false;

    public void Convert(Instruction instruction, StageState stage, ConversionContext context) =>
        Convert((T)instruction, stage, context);

    protected abstract void Convert(T instruction, StageState stage, ConversionContext context);
}
