using System.Text.Json;

namespace Kiln.Graph;

/// <summary>The changes that turn the lower input into the upper one; -1 as lower means scratch.</summary>
internal sealed record DiffOp(int Lower, int Upper) : Op
{
    public override string Kind => "diff";

    public override IEnumerable<int> ReferencedInputs => Lower < 0 ? [Upper] : [Lower, Upper];

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("lower", Lower);
        writer.WriteNumber("upper", Upper);
    }
}
