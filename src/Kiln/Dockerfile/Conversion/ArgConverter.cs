using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// ARG in a stage: defaults are expanded against the scope before the instruction; the value is the build-arg,
/// else the default, else the global ARG. The history shows the Dockerfile default, RUN the effective value.
/// </summary>
internal sealed class ArgConverter : InstructionConverter<ArgInstruction>
{
    protected override void Convert(ArgInstruction instruction, StageState stage, ConversionContext context)
    {
        var defaults = instruction.Args.Select(a => context.ExpandOptional(stage, a.Default)).ToList();
        var texts = new List<string>();
        for (var i = 0; i < instruction.Args.Length; i++)
        {
            var name = instruction.Args[i].Name.Text;
            texts.Add(defaults[i] is { } d ? $"{name}={d}" : name);
            stage.Scope = stage.Scope.DeclareArg(name, defaults[i]);
            stage.AddRunArg(name, stage.Scope.Args[name] ?? "");
            context.UsedArgs.Add(name);
        }

        stage.Commit("ARG " + string.Join(' ', texts), withLayer: false);
    }
}
