using Kiln.Diagnostics;
using Kiln.Dockerfile.Shell;
using Kiln.Oci;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// FromPlatformFlagConstDisallowed: <c>FROM --platform=</c> with a constant (no variable) that parses as a
/// platform, unless the stage name mentions that platform's OS or architecture (a per-platform stage).
/// </summary>
internal sealed class FromPlatformFlagConstDisallowedCheck : ICheck
{
    public CheckRule Rule => CheckRules.FromPlatformFlagConstDisallowed;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        foreach (var stage in context.Stages.Stages)
        {
            if (stage.From.Platform is not { } word)
            {
                continue;
            }

            var result = context.Lexer.Process(word.Text, context.GlobalScope.Variables);
            if (!result.Matched.IsEmpty || !result.Unmatched.IsEmpty || !result.Succeeded)
            {
                continue;
            }

            Platform platform;
            try
            {
                platform = PlatformArgs.Normalize(Platform.ParseSpecifier(result.Value, context.Platform.Build));
            }
            catch (KilnException)
            {
                continue;
            }

            var name = stage.Name ?? "";
            if (!name.Contains(platform.OS, StringComparison.Ordinal) && !name.Contains(platform.Architecture, StringComparison.Ordinal))
            {
                context.Report(Rule, $"FROM --platform flag should not use constant value {GoQuote.Quote(result.Value)}", stage.Span);
            }
        }
    }
}
