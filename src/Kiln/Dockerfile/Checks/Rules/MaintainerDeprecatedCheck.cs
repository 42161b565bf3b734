using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>MaintainerDeprecated: any MAINTAINER instruction (LABEL org.opencontainers.image.authors replaces it).</summary>
internal sealed class MaintainerDeprecatedCheck : ICheck
{
    public CheckRule Rule => CheckRules.MaintainerDeprecated;

    public CheckPhase Phase => CheckPhase.Parse;

    public void Run(CheckContext context)
    {
        foreach (var maintainer in context.ParsedInstructions.OfType<MaintainerInstruction>())
        {
            context.Report(Rule, "Maintainer instruction is deprecated in favor of using label", maintainer.Span);
        }
    }
}
