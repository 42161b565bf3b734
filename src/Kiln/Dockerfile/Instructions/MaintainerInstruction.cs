using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>MAINTAINER name (deprecated).</summary>
internal sealed record MaintainerInstruction(Node Node, Word Maintainer) : Instruction(Node);
