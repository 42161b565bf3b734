using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>One lexed token: its kind, source text, resolved value (for literals) and position.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, string Value, SourcePosition Start, SourcePosition End)
{
    public SourceSpan SpanIn(string file) => new(file, Start, End);

    public override string ToString() => $"{Kind}({Text}) at {Start}";
}
