using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>NoEmptyContinuation: an instruction continued over an empty line (the parser flags it).</summary>
internal sealed class NoEmptyContinuationCheck : ICheck
{
    public CheckRule Rule => CheckRules.NoEmptyContinuation;

    public CheckPhase Phase => CheckPhase.Parse;

    public void Run(CheckContext context)
    {
        foreach (var diagnostic in context.Parse.Diagnostics)
        {
            if (diagnostic.Code == ErrorCodes.DockerfileEmptyContinuationLine && diagnostic.Span is { } span)
            {
                context.Report(Rule, "Empty continuation line", span);
            }
        }
    }
}
