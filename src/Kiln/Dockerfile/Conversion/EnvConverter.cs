using System.Text;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>ENV: every key and value is expanded against the scope before the instruction, then set in order.</summary>
internal sealed class EnvConverter : InstructionConverter<EnvInstruction>
{
    protected override void Convert(EnvInstruction instruction, StageState stage, ConversionContext context)
    {
        var pairs = instruction.Pairs.Select(p => (Key: context.Expand(stage, p.Key), Value: context.Expand(stage, p.Value))).ToList();
        var message = new StringBuilder("ENV");
        foreach (var (key, value) in pairs)
        {
            message.Append(' ').Append(key).Append('=').Append(value);
            stage.Scope = stage.Scope.SetEnv(key, value);
        }

        stage.Config = stage.Config with { Env = [.. stage.Scope.Env.Select(p => $"{p.Key}={p.Value}")] };
        stage.Commit(message.ToString(), withLayer: false);
    }
}
