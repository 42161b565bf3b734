using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// JSONArgsRecommended: CMD or ENTRYPOINT in shell form while the stage (or the stage it is built from) has no
/// SHELL instruction; an explicit SHELL says the shell is wanted.
/// </summary>
internal sealed class JSONArgsRecommendedCheck : ICheck
{
    public CheckRule Rule => CheckRules.JSONArgsRecommended;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public void Run(CheckContext context)
    {
        foreach (var step in context.Steps)
        {
            var command = step.Instruction switch
            {
                CmdInstruction cmd => cmd.Command,
                EntrypointInstruction entrypoint => entrypoint.Command,
                _ => null,
            };
            if (command is { IsJson: false } && !step.ShellSet)
            {
                var name = step.Instruction.Keyword;
                context.Report(Rule, $"JSON arguments recommended for {name} to prevent unintended behavior related to OS signals", step.Span);
            }
        }
    }
}
