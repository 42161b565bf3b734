using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>A parser directive from the top of the file (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>).</summary>
internal sealed record ParserDirective(string Name, string Value, SourceSpan Span);
