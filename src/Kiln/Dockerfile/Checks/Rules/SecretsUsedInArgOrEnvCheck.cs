using System.Text.RegularExpressions;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// SecretsUsedInArgOrEnv: an ARG or ENV name in a stage whose first or last '_'-separated word (or the whole
/// name) is a secret-like token such as password, token or key, unless a word is "public".
/// </summary>
internal sealed partial class SecretsUsedInArgOrEnvCheck : ICheck
{
    public CheckRule Rule => CheckRules.SecretsUsedInArgOrEnv;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public static bool LooksSecret(string name) => SecretRegex().IsMatch(name) && !AllowRegex().IsMatch(name);

    public void Run(CheckContext context)
    {
        foreach (var step in context.Steps)
        {
            var (kind, names) = step.Instruction switch
            {
                ArgInstruction arg => ("ARG", arg.Args.Select(a => a.Name.Text)),
                EnvInstruction env => ("ENV", env.Pairs.Select(p => step.Value(p.Key))),
                _ => ("", []),
            };
            foreach (var name in names.Where(LooksSecret))
            {
                context.Report(Rule, $"Do not use ARG or ENV instructions for sensitive data ({kind} {GoQuote.Quote(name)})", step.Span);
            }
        }
    }

    [GeneratedRegex("(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretRegex();

    [GeneratedRegex("(?:_|^)(?:public)(?:_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllowRegex();
}
