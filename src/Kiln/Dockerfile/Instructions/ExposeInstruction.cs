using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>EXPOSE port[/proto] ...</summary>
internal sealed record ExposeInstruction(Node Node, ImmutableArray<Word> Ports) : Instruction(Node);
