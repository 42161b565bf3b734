using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>StageNameCasing: a stage name written with upper-case letters (stage names compare case-insensitively).</summary>
internal sealed class StageNameCasingCheck : ICheck
{
    public CheckRule Rule => CheckRules.StageNameCasing;

    public CheckPhase Phase => CheckPhase.Parse;

    public void Run(CheckContext context)
    {
        foreach (var from in context.ParsedInstructions.OfType<FromInstruction>())
        {
            if (from.StageNameWord is { } name && name.Text != name.Text.ToLowerInvariant())
            {
                context.Report(Rule, $"Stage name '{name.Text}' should be lowercase", from.Span);
            }
        }
    }
}
