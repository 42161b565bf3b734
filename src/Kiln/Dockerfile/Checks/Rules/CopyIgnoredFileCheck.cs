using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// CopyIgnoredFile (experimental): a COPY (from the context, not <c>--from</c>) or ADD source path that the
/// context's ignore rules exclude, so it can never be copied. Runs only when the ignore rules are known.
/// </summary>
internal sealed class CopyIgnoredFileCheck : ICheck
{
    public CheckRule Rule => CheckRules.CopyIgnoredFile;

    public CheckPhase Phase => CheckPhase.Dispatch;

    public void Run(CheckContext context)
    {
        if (context.Options.IsIgnored is not { } isIgnored)
        {
            return;
        }

        foreach (var step in context.Steps)
        {
            var (verb, sources) = step.Instruction switch
            {
                CopyInstruction { From: null } copy => ("Copy", StageDispatcher.ContextSources(copy.Node, copy.Sources)),
                AddInstruction add => ("Add", StageDispatcher.ContextSources(add.Node, add.Sources).Where(s => !IsRemote(s.Text))),
                _ => ("", []),
            };
            foreach (var source in sources)
            {
                var path = step.Value(source);
                if (isIgnored(path))
                {
                    context.Report(Rule, $"Attempting to {verb} file {GoQuote.Quote(path)} that is excluded by .dockerignore", step.Span);
                }
            }
        }
    }

    private static bool IsRemote(string source) =>
        source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal);
}
