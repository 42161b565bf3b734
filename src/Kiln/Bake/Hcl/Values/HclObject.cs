using System.Collections.Immutable;

namespace Kiln.Bake.Hcl.Values;

/// <summary>A string-keyed mapping, iterated in sorted key order as cty does (cty's map and object map here).</summary>
internal sealed class HclObject(ImmutableSortedDictionary<string, HclValue> attributes) : HclValue
{
    public ImmutableSortedDictionary<string, HclValue> Attributes { get; } = attributes;

    public int Count => Attributes.Count;

    public override HclValueKind Kind => HclValueKind.Object;

    public bool TryGet(string key, out HclValue value) => Attributes.TryGetValue(key, out value!);

    public override bool Equals(HclValue? other) =>
        other is HclObject o && o.Attributes.Count == Attributes.Count &&
        Attributes.All(kv => o.Attributes.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Attributes)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
