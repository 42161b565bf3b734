using System.Collections.Immutable;

namespace Kiln.Bake.Model;

/// <summary>A string-keyed map in ordinal key order; a null entry (args, labels) means "declared without a value".</summary>
internal sealed record BakeMap(ImmutableSortedDictionary<string, string?> Entries) : BakeValue
{
    public static BakeMap Empty { get; } = new(ImmutableSortedDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal));

    public BakeMap With(string key, string? value) => new(Entries.SetItem(key, value));

    public bool Equals(BakeMap? other) =>
        other is not null && Entries.Count == other.Entries.Count &&
        Entries.All(kv => other.Entries.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => Entries.Count;
}
