namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>ReservedStageName: a stage named "context" or "scratch" (after lower-casing), which FROM and COPY --from treat specially.</summary>
internal sealed class ReservedStageNameCheck : ICheck
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "context", "scratch" };

    public CheckRule Rule => CheckRules.ReservedStageName;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        foreach (var stage in context.Stages.Stages)
        {
            if (stage.Name is { } name && Reserved.Contains(name))
            {
                context.Report(Rule, $"Stage name should not use the same name as reserved stage {GoQuote.Quote(name)}", stage.Span);
            }
        }
    }
}
