using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>ONBUILD trigger: the wrapped instruction is kept as a node and its text, checked only when used.</summary>
internal sealed record OnbuildInstruction(Node Node, Node Trigger) : Instruction(Node)
{
    /// <summary>The trigger as it is stored in the image config.</summary>
    public string Expression => Trigger.Original;
}
