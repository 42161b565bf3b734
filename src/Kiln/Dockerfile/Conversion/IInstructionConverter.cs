using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>Applies one kind of instruction to a stage: its image-config change, history entry and graph ops.</summary>
internal interface IInstructionConverter
{
    Type InstructionType { get; }

    /// <summary>True when the instruction is a progress step of its stage ("[stage k/n]").</summary>
    bool IsStep { get; }

    void Convert(Instruction instruction, StageState stage, ConversionContext context);
}
