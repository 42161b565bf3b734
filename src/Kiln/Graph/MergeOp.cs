using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Layers inputs on top of each other in order; later inputs win where paths collide.</summary>
internal sealed record MergeOp(ImmutableArray<int> Inputs) : Op
{
    public override string Kind => "merge";

    public override IEnumerable<int> ReferencedInputs => Inputs.OrEmpty();

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("inputs");
        foreach (var input in Inputs.OrEmpty())
        {
            writer.WriteNumberValue(input);
        }

        writer.WriteEndArray();
    }
}
