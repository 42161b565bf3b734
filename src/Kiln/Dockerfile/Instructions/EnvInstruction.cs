using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>ENV key=value ... or the legacy ENV key value.</summary>
internal sealed record EnvInstruction(Node Node, ImmutableArray<KeyValue> Pairs) : Instruction(Node);
