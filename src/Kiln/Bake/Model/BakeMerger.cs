using System.Collections.Immutable;

namespace Kiln.Bake.Model;

/// <summary>Applies a field's merge and normalization rules to values.</summary>
internal static class BakeMerger
{
    /// <summary>The value of <paramref name="field"/> after <paramref name="later"/> is merged over <paramref name="earlier"/>; null when nothing remains.</summary>
    public static BakeValue? Combine(BakeField field, BakeValue? earlier, BakeValue later) => field.Merge switch
    {
        BakeMergeRule.Append => new BakeList([.. Items(earlier), .. Items(later)]),
        BakeMergeRule.AppendAttest => new BakeList(DedupeAttest([.. Items(earlier), .. Items(later)])),
        BakeMergeRule.MergeEntries => MergeEntries(earlier as BakeMap, (BakeMap)later),
        _ => later,
    };

    public static BakeValue? Normalize(BakeField field, BakeValue value) => (field.Normalize, value) switch
    {
        (BakeNormalizeRule.Dedupe, BakeList list) => new BakeList(Dedupe(list.Items)),
        (BakeNormalizeRule.DedupeAttest, BakeList list) => new BakeList(DedupeAttest(list.Items)),
        (BakeNormalizeRule.DropEmptyValues, BakeMap map) => DropEmpty(map),
        _ => value,
    };

    /// <summary>Drops empty strings and repeats, keeping the first occurrence.</summary>
    public static ImmutableArray<string> Dedupe(IEnumerable<string> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. items.Where(i => i.Length > 0 && seen.Add(i))];
    }

    /// <summary>One attestation per type: a later one replaces the earlier one in its place; unparsable ones stay as they are.</summary>
    public static ImmutableArray<string> DedupeAttest(IEnumerable<string> items)
    {
        var result = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var type = AttestType(item);
            if (type is null)
            {
                result.Add(item);
            }
            else if (positions.TryGetValue(type, out var at))
            {
                result[at] = item;
            }
            else
            {
                positions[type] = result.Count;
                result.Add(item);
            }
        }

        return [.. result];
    }

    /// <summary>The <c>type=</c> of an attestation spec, or null when the spec does not parse.</summary>
    public static string? AttestType(string spec)
    {
        string? type = null;
        foreach (var field in spec.Split(','))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return null;
            }

            if (field[..eq].Trim().Equals("type", StringComparison.OrdinalIgnoreCase))
            {
                type = field[(eq + 1)..];
            }
        }

        return string.IsNullOrEmpty(type) ? null : type;
    }

    private static ImmutableArray<string> Items(BakeValue? value) => value is BakeList list ? list.Items : [];

    private static BakeMap? MergeEntries(BakeMap? earlier, BakeMap later)
    {
        var result = earlier;
        foreach (var (key, value) in later.Entries)
        {
            if (value is not null)
            {
                result = (result ?? BakeMap.Empty).With(key, value);
            }
        }

        return result;
    }

    private static BakeMap? DropEmpty(BakeMap map)
    {
        var kept = map.Entries.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToImmutableSortedDictionary(StringComparer.Ordinal);
        return kept.Count == 0 ? null : new BakeMap(kept);
    }
}
