using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Checks;

/// <summary>One build-check finding: the rule, BuildKit's message for it and the instruction lines it points at.</summary>
internal sealed record CheckWarning(CheckRule Rule, string Message, SourceSpan Span)
{
    public string RuleName => Rule.Name;

    public string Url => Rule.Url;

    public override string ToString() => $"{Span.File}:{Span.Start.Line}: {Rule.Name}: {Message}";
}
