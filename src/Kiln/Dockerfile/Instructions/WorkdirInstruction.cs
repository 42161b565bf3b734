using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>WORKDIR path.</summary>
internal sealed record WorkdirInstruction(Node Node, Word Path) : Instruction(Node);
