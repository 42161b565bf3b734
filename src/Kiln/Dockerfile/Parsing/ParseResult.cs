using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>The parser's output: directives, nodes in file order and every diagnostic found.</summary>
internal sealed record ParseResult(
    string File,
    string Text,
    char EscapeToken,
    ImmutableArray<ParserDirective> Directives,
    ImmutableArray<Node> Nodes,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The value of a directive by lower-case name, or null.</summary>
    public string? Directive(string name) => Directives.FirstOrDefault(d => d.Name == name)?.Value;
}
