using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>CMD in exec or shell form.</summary>
internal sealed record CmdInstruction(Node Node, CommandLine Command) : Instruction(Node);
