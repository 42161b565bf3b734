using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>RUN with its command, here-documents, mounts and network/security modes (raw, unexpanded).</summary>
internal sealed record RunInstruction(Node Node, CommandLine Command, ImmutableArray<RunMount> Mounts, Word? Network, Word? Security)
    : Instruction(Node)
{
    public ImmutableArray<Heredoc> Heredocs => Node.Heredocs;
}
