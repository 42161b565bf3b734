using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>FROM [--platform=p] image [AS name]; StageName is lower-case, StageNameWord keeps the casing.</summary>
internal sealed record FromInstruction(Node Node, Word Image, Word? Platform, string? StageName, Word? StageNameWord, Word? AsKeyword)
    : Instruction(Node);
