namespace Kiln.Diagnostics;

/// <summary>A 1-based line and column inside a source file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A range of a named source file; End is inclusive of its line.</summary>
internal sealed record SourceSpan(string File, SourcePosition Start, SourcePosition End)
{
    public static SourceSpan Lines(string file, int startLine, int endLine) =>
        new(file, new SourcePosition(startLine, 1), new SourcePosition(endLine, 1));

    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
