using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// FromAsCasing: <c>FROM x as y</c> or <c>from x AS y</c>. A FROM keyword in mixed case is left to
/// ConsistentInstructionCasing, as in BuildKit.
/// </summary>
internal sealed class FromAsCasingCheck : ICheck
{
    public CheckRule Rule => CheckRules.FromAsCasing;

    public CheckPhase Phase => CheckPhase.Parse;

    public void Run(CheckContext context)
    {
        foreach (var from in context.ParsedInstructions.OfType<FromInstruction>())
        {
            var args = from.Node.Args;
            if (args.Length < 3)
            {
                continue;
            }

            var keyword = from.Keyword;
            var isLower = keyword == keyword.ToLowerInvariant();
            var isUpper = keyword == keyword.ToUpperInvariant();
            var asWord = args[1].Text;
            var matches = !isLower && !isUpper
                || (isLower ? asWord == asWord.ToLowerInvariant() : asWord == asWord.ToUpperInvariant());
            if (!matches)
            {
                context.Report(Rule, $"'{asWord}' and '{keyword}' keywords' casing do not match", from.Span);
            }
        }
    }
}
