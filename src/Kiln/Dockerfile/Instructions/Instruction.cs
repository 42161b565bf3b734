using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>
/// Base of the typed instruction records. Keeps the parser node so linters see original casing, form and spans.
/// </summary>
internal abstract record Instruction(Node Node)
{
    /// <summary>The instruction name as written, e.g. "copy" or "COPY".</summary>
    public string Keyword => Node.Keyword;

    /// <summary>The upper-case instruction name, e.g. "COPY".</summary>
    public string Name => Node.Keyword.ToUpperInvariant();

    public SourceSpan Span => Node.Span;

    public ImmutableArray<InstructionFlag> Flags { get; init; } = [];

    /// <summary>
    /// Errors BuildKit reports only when it converts the stage (mount options, ports, checksums): the stage
    /// step reports them for reachable stages only.
    /// </summary>
    public ImmutableArray<Diagnostic> DeferredErrors { get; init; } = [];
}
