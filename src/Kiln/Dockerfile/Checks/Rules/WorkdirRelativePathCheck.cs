using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// WorkdirRelativePath: the first WORKDIR of a stage (and of the stages it is built from) is relative, so it
/// depends on the base image's working directory. Later relative WORKDIRs are fine once one was set.
/// </summary>
internal sealed class WorkdirRelativePathCheck : ICheck
{
    public CheckRule Rule => CheckRules.WorkdirRelativePath;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public void Run(CheckContext context)
    {
        foreach (var step in context.Steps)
        {
            if (step.Instruction is WorkdirInstruction workdir && !step.WorkdirSet)
            {
                var path = step.Value(workdir.Path);
                if (!path.StartsWith('/'))
                {
                    context.Report(Rule, $"Relative workdir {GoQuote.Quote(path)} can have unexpected results if the base image changes", step.Span);
                }
            }
        }
    }
}
