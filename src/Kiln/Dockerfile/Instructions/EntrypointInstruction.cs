using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>ENTRYPOINT in exec or shell form.</summary>
internal sealed record EntrypointInstruction(Node Node, CommandLine Command) : Instruction(Node);
