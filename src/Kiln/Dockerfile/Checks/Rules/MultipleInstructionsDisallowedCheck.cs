using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// MultipleInstructionsDisallowed: a second CMD, ENTRYPOINT or HEALTHCHECK in one stage; the finding points at
/// the earlier one, which has no effect.
/// </summary>
internal sealed class MultipleInstructionsDisallowedCheck : ICheck
{
    public CheckRule Rule => CheckRules.MultipleInstructionsDisallowed;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public void Run(CheckContext context)
    {
        foreach (var stage in context.Steps.GroupBy(s => s.Stage.Index))
        {
            var previous = new Dictionary<Type, SourceSpan>();
            foreach (var step in stage)
            {
                var instruction = step.Instruction;
                if (instruction is not (CmdInstruction or EntrypointInstruction or HealthcheckInstruction))
                {
                    continue;
                }

                if (previous.TryGetValue(instruction.GetType(), out var earlier))
                {
                    var message = $"Multiple {instruction.Keyword} instructions should not be used in the same stage because only the last one will be used";
                    context.Report(Rule, message, earlier);
                }

                previous[instruction.GetType()] = step.Span;
            }
        }
    }
}
