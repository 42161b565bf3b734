using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>LABEL key=value ... or the legacy LABEL key value.</summary>
internal sealed record LabelInstruction(Node Node, ImmutableArray<KeyValue> Pairs) : Instruction(Node);
