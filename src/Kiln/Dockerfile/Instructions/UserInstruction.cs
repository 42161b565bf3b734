using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>USER user[:group].</summary>
internal sealed record UserInstruction(Node Node, Word User) : Instruction(Node);
