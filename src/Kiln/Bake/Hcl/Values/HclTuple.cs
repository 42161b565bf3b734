using System.Collections.Immutable;

namespace Kiln.Bake.Hcl.Values;

/// <summary>An ordered sequence of values (cty's list, tuple and set all map here).</summary>
internal sealed class HclTuple(ImmutableArray<HclValue> items) : HclValue
{
    public ImmutableArray<HclValue> Items { get; } = items;

    public int Count => Items.Length;

    public override HclValueKind Kind => HclValueKind.Tuple;

    public override bool Equals(HclValue? other) =>
        other is HclTuple t && t.Items.Length == Items.Length && Items.Zip(t.Items).All(p => p.First.Equals(p.Second));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
