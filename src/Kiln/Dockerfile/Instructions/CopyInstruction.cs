using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>COPY sources to a destination, with every COPY flag (raw, unexpanded).</summary>
internal sealed record CopyInstruction(Node Node, ImmutableArray<Word> Sources, Word Destination, CopyOptions Options, Word? From)
    : Instruction(Node)
{
    public ImmutableArray<Heredoc> Heredocs => Node.Heredocs;
}
