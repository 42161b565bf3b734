using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>SHELL ["executable", "parameters"] (JSON form only).</summary>
internal sealed record ShellInstruction(Node Node, ImmutableArray<Word> Shell) : Instruction(Node);
