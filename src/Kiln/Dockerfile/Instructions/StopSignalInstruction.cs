using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>STOPSIGNAL signal.</summary>
internal sealed record StopSignalInstruction(Node Node, Word Signal) : Instruction(Node);
