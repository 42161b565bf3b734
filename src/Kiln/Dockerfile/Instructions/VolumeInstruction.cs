using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>VOLUME path ... or VOLUME ["path", ...].</summary>
internal sealed record VolumeInstruction(Node Node, ImmutableArray<Word> Paths) : Instruction(Node)
{
    public bool IsJson => Node.IsJson;
}
