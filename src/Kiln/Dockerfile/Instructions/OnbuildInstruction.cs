using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>ONBUILD trigger: the wrapped instruction is kept as a node and its text, checked only when used.</summary>
internal sealed record OnbuildInstruction(Node Node, Node Trigger) : Instruction(Node)
{
    /// <summary>The trigger as it is stored in the image config.</summary>
    public string Expression => Trigger.Original;

    /// <summary>Parses the trigger as an instruction (BuildKit does this only when a child image runs it).</summary>
    public Instruction? ParseTrigger(InstructionParserOptions options, List<Kiln.Diagnostics.Diagnostic> diagnostics) =>
        InstructionParser.ParseNode(Trigger, options, diagnostics);
}
