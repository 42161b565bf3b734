using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>One raw, unexpanded argument of an instruction with the source range it came from.</summary>
internal sealed record Word(string Text, SourceSpan Span)
{
    public override string ToString() => Text;
}
