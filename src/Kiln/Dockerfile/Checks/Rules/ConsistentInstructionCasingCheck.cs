using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// ConsistentInstructionCasing: an instruction keyword whose casing differs from the majority of the stages'
/// keywords (FROM lines and stage instructions; the ARGs before the first FROM do not count). A keyword in
/// mixed case is counted by nobody and always reported; a tie counts as upper case.
/// </summary>
internal sealed class ConsistentInstructionCasingCheck : ICheck
{
    public CheckRule Rule => CheckRules.ConsistentInstructionCasing;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        var keywords = new List<(string Keyword, SourceSpan Span)>();
        foreach (var stage in context.Stages.Stages)
        {
            keywords.Add((stage.From.Keyword, stage.From.Span));
            keywords.AddRange(stage.Commands.Select(c => (c.Keyword, c.Span)));
        }

        var lower = keywords.Count(k => IsLower(k.Keyword));
        var upper = keywords.Count(k => !IsLower(k.Keyword) && IsUpper(k.Keyword));
        var majorityLower = lower > upper;
        foreach (var (keyword, span) in keywords)
        {
            if (majorityLower ? !IsLower(keyword) : !IsUpper(keyword))
            {
                var casing = majorityLower ? "lowercase" : "uppercase";
                context.Report(Rule, $"Command '{keyword}' should match the case of the command majority ({casing})", span);
            }
        }
    }

    private static bool IsLower(string s) => s == s.ToLowerInvariant();

    private static bool IsUpper(string s) => s == s.ToUpperInvariant();
}
