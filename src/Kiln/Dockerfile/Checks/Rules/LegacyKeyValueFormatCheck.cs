using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>LegacyKeyValueFormat: <c>ENV key value</c> or <c>LABEL key value</c> without the '=' separator.</summary>
internal sealed class LegacyKeyValueFormatCheck : ICheck
{
    public CheckRule Rule => CheckRules.LegacyKeyValueFormat;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public void Run(CheckContext context)
    {
        foreach (var step in context.Steps)
        {
            var pairs = step.Instruction switch
            {
                EnvInstruction env => env.Pairs,
                LabelInstruction label => label.Pairs,
                _ => [],
            };
            foreach (var pair in pairs.Where(p => p.Legacy))
            {
                var name = step.Instruction.Keyword;
                context.Report(Rule, $"\"{name} key=value\" should be used instead of legacy \"{name} key value\" format", step.Span);
            }
        }
    }
}
