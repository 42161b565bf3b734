using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Stages;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// UndefinedArgInFrom: a FROM image or <c>--platform</c> value refers to a variable that is neither a platform
/// ARG nor declared before the first FROM (a <c>--build-arg</c> alone does not declare it).
/// </summary>
internal sealed class UndefinedArgInFromCheck : ICheck
{
    public CheckRule Rule => CheckRules.UndefinedArgInFrom;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        var known = context.GlobalScope.MetaArgs.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var stage in context.Stages.Stages)
        {
            ReportUnknown(context, stage, stage.From.Image, known);
            if (stage.From.Platform is { } platform)
            {
                ReportUnknown(context, stage, platform, known);
            }
        }
    }

    private void ReportUnknown(CheckContext context, Stage stage, Word word, HashSet<string> known)
    {
        var result = context.Lexer.Process(word.Text, context.GlobalScope.Variables);
        foreach (var name in result.Unmatched.Where(n => !known.Contains(n)))
        {
            var suggestion = NameSuggester.Suggest(name, known.Order(StringComparer.Ordinal), caseSensitive: true);
            var message = $"FROM argument '{name}' is not declared" + (suggestion is null ? "" : $" (did you mean {suggestion}?)");
            context.Report(Rule, message, stage.Span);
        }
    }
}
