using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>
/// Set functions. A cty set has no duplicates and iterates in a canonical order: numbers ascending, strings
/// (and mixed primitives, unified to strings) in lexical order.
/// </summary>
internal static class SetFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Variadic("setunion", 1, a => Set(Lists(a).SelectMany(l => l))),
        HclFunction.Variadic("setintersection", 1, a => Set(Lists(a).Aggregate((x, y) => [.. x.Where(y.Contains)]))),
        HclFunction.Fixed("setsubtract", 2, a => Set(a.List(0).Where(v => !a.List(1).Contains(v)))),
        HclFunction.Variadic("setsymmetricdifference", 1, SymmetricDifference),
        HclFunction.Fixed("sethaselement", 2, a => HclValue.From(a.List(0).Contains(a[1]))),
        HclFunction.Variadic("setproduct", 1, Product),
    ];

    /// <summary>Builds a set value: unified element kinds, duplicates removed, canonical order.</summary>
    public static HclTuple Set(IEnumerable<HclValue> items)
    {
        var list = items.ToList();
        var kinds = list.Where(v => !v.IsNull).Select(v => v.Kind).Distinct().ToList();
        if (kinds.Count > 1 && kinds.All(k => k is HclValueKind.String or HclValueKind.Number or HclValueKind.Bool))
        {
            list = [.. list.Select(v => HclConvert.TryConvertPrimitive(v, HclValueKind.String, out var s) ? s : v)];
            kinds = [HclValueKind.String];
        }

        var distinct = list.Distinct().ToList();
        if (kinds is [HclValueKind.Number])
        {
            return HclValue.Tuple(distinct.OrderBy(v => v is HclNumber n ? n.Value : BigFloat.Zero));
        }

        if (kinds is [HclValueKind.String])
        {
            return HclValue.Tuple(distinct.OrderBy(v => v is HclString s ? s.Value : "", StringComparer.Ordinal));
        }

        if (kinds is [HclValueKind.Bool])
        {
            return HclValue.Tuple(distinct.OrderBy(v => v is HclBool { Value: true }));
        }

        return HclValue.Tuple(distinct);
    }

    private static List<List<HclValue>> Lists(FunctionArguments a) => [.. Enumerable.Range(0, a.Count).Select(i => a.List(i).ToList())];

    private static HclValue SymmetricDifference(FunctionArguments a)
    {
        var counts = new Dictionary<HclValue, int>();
        foreach (var list in Lists(a))
        {
            foreach (var item in list.Distinct())
            {
                counts[item] = counts.GetValueOrDefault(item) + 1;
            }
        }

        return Set(counts.Where(kv => kv.Value % 2 == 1).Select(kv => kv.Key));
    }

    private static HclValue Product(FunctionArguments a)
    {
        IEnumerable<List<HclValue>> rows = [[]];
        foreach (var list in Lists(a))
        {
            rows = rows.SelectMany(r => list.Select(item => new List<HclValue>(r) { item })).ToList();
        }

        return HclValue.Tuple(rows.Select(r => (HclValue)HclValue.Tuple(r)));
    }
}
