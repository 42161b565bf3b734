namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>DuplicateStageName: a stage name (compared lower-cased) that an earlier stage already uses.</summary>
internal sealed class DuplicateStageNameCheck : ICheck
{
    public CheckRule Rule => CheckRules.DuplicateStageName;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in context.Stages.Stages)
        {
            if (stage.Name is { } name && !seen.Add(name))
            {
                context.Report(Rule, $"Duplicate stage name {GoQuote.Quote(name)}, stage names should be unique", stage.Span);
            }
        }
    }
}
