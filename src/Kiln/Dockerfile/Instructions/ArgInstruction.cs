using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>ARG name[=default] ...</summary>
internal sealed record ArgInstruction(Node Node, ImmutableArray<ArgDeclaration> Args) : Instruction(Node);
