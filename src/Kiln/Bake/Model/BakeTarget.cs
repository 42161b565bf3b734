using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Model;

/// <summary>A named target: the fields that were set, keyed by <see cref="BakeField.Name"/>, and where it was declared.</summary>
internal sealed record BakeTarget(string Name, ImmutableDictionary<string, BakeValue> Values, SourceSpan? Span = null)
{
    public static BakeTarget Empty(string name, SourceSpan? span = null) => new(name, ImmutableDictionary<string, BakeValue>.Empty, span);

    public BakeValue? Get(BakeField field) => Values.GetValueOrDefault(field.Name);

    public string? GetString(BakeField field) => Get(field) is BakeString s ? s.Value : null;

    public bool? GetBool(BakeField field) => Get(field) is BakeBool b ? b.Value : null;

    public ImmutableArray<string> GetList(BakeField field) => Get(field) is BakeList l ? l.Items : [];

    public ImmutableSortedDictionary<string, string?> GetMap(BakeField field) => Get(field) is BakeMap m ? m.Entries : BakeMap.Empty.Entries;

    public BakeTarget With(BakeField field, BakeValue? value) =>
        this with { Values = value is null ? Values.Remove(field.Name) : Values.SetItem(field.Name, value) };

    /// <summary>This target with <paramref name="later"/> laid over it, field by field, by each field's merge rule.</summary>
    public BakeTarget Merge(BakeTarget later)
    {
        var values = Values.ToBuilder();
        foreach (var field in BakeFields.All)
        {
            if (later.Values.TryGetValue(field.Name, out var value))
            {
                var merged = BakeMerger.Combine(field, values.GetValueOrDefault(field.Name), value);
                if (merged is null)
                {
                    values.Remove(field.Name);
                }
                else
                {
                    values[field.Name] = merged;
                }
            }
        }

        return this with { Values = values.ToImmutable() };
    }

    /// <summary>Every field passed through its normalization rule (repeats dropped, empty contexts removed).</summary>
    public BakeTarget Normalize()
    {
        var values = Values.ToBuilder();
        foreach (var field in BakeFields.All)
        {
            if (field.Normalize != BakeNormalizeRule.None && values.TryGetValue(field.Name, out var value))
            {
                var normalized = BakeMerger.Normalize(field, value);
                if (normalized is null)
                {
                    values.Remove(field.Name);
                }
                else
                {
                    values[field.Name] = normalized;
                }
            }
        }

        return this with { Values = values.ToImmutable() };
    }
}
