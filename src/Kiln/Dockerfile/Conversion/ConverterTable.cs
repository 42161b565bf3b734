using System.Collections.Frozen;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>The converter of every instruction type; adding an instruction is one converter and one line here.</summary>
internal static class ConverterTable
{
    private static readonly FrozenDictionary<Type, IInstructionConverter> Converters = new IInstructionConverter[]
    {
        new AddConverter(),
        new ArgConverter(),
        new CmdConverter(),
        new CopyConverter(),
        new EntrypointConverter(),
        new EnvConverter(),
        new ExposeConverter(),
        new HealthcheckConverter(),
        new LabelConverter(),
        new MaintainerConverter(),
        new OnbuildConverter(),
        new RunConverter(),
        new ShellConverter(),
        new StopSignalConverter(),
        new UserConverter(),
        new VolumeConverter(),
        new WorkdirConverter(),
    }.ToFrozenDictionary(c => c.InstructionType);

    public static IInstructionConverter? For(Instruction instruction) =>
        Converters.GetValueOrDefault(instruction.GetType());

    public static bool IsStep(Instruction instruction) => For(instruction)?.IsStep ?? false;
}
