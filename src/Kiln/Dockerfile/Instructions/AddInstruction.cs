using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>ADD sources (paths, URLs, git) to a destination, with ADD's flags (raw, unexpanded).</summary>
internal sealed record AddInstruction(Node Node, ImmutableArray<Word> Sources, Word Destination, CopyOptions Options, Word? Checksum, bool KeepGitDir)
    : Instruction(Node)
{
    public ImmutableArray<Heredoc> Heredocs => Node.Heredocs;
}
