namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// UndefinedVar: a word an instruction expands (ENV, LABEL, COPY/ADD paths and flags, WORKDIR, USER, VOLUME,
/// STOPSIGNAL, ARG defaults) uses a variable that is not set; an ARG declared without a value does not count.
/// RUN, CMD and ENTRYPOINT are not expanded by the frontend, so they are not checked.
/// </summary>
internal sealed class UndefinedVarCheck : ICheck
{
    private static readonly HashSet<string> NonEnvArgs = new(StringComparer.Ordinal) { "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE" };

    public CheckRule Rule => CheckRules.UndefinedVar;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public void Run(CheckContext context)
    {
        foreach (var step in context.Steps)
        {
            foreach (var word in step.Words)
            {
                foreach (var name in word.Result.Unmatched)
                {
                    if (word.DeclaredArgs.Contains(name) || NonEnvArgs.Contains(name))
                    {
                        continue;
                    }

                    var options = step.Scope.Variables.Keys.Order(StringComparer.Ordinal);
                    var suggestion = NameSuggester.Suggest(name, options, caseSensitive: true);
                    var message = $"Usage of undefined variable '${name}'" + (suggestion is null ? "" : $" (did you mean ${suggestion}?)");
                    context.Report(Rule, message, step.Span);
                }
            }
        }
    }
}
