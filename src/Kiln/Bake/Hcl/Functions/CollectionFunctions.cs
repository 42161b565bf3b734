using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>Functions over maps and whole collections: keys, values, lookup, merge, zipmap, length, coalesce.</summary>
internal static class CollectionFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Fixed("length", 1, Length),
        HclFunction.Fixed("keys", 1, a => HclValue.Tuple(a.Object(0).Attributes.Keys.Select(HclValue.From))),
        HclFunction.Fixed("values", 1, a => HclValue.Tuple(a.Object(0).Attributes.Values)),
        HclFunction.Fixed("index", 2, a => Index(a)),
        HclFunction.Fixed("hasindex", 2, a => HclValue.From(HasIndex(a))),
        new HclFunction("lookup", 2, 3, Lookup),
        HclFunction.Variadic("merge", 0, Merge),
        HclFunction.Fixed("zipmap", 2, Zipmap),
        HclFunction.Variadic("coalesce", 1, Coalesce),
        HclFunction.Variadic("coalescelist", 1, a => a.Values.FirstOrDefault(v => v is HclTuple { Count: > 0 }) ?? throw new HclFunctionException("no non-null arguments")),
    ];

    private static HclValue Length(FunctionArguments a) => a.NotNull(0) switch
    {
        HclTuple t => HclValue.From(t.Count),
        HclObject o => HclValue.From(o.Count),
        _ => throw a.Invalid(0, "collection must be a list, a map or a tuple"),
    };

    private static HclValue Index(FunctionArguments a)
    {
        try
        {
            return Traversal.Index(a.NotNull(0), a.NotNull(1), null);
        }
        catch (Diagnostics.KilnException e)
        {
            throw new HclFunctionException(e.Message, 1);
        }
    }

    private static bool HasIndex(FunctionArguments a)
    {
        try
        {
            Traversal.Index(a.NotNull(0), a.NotNull(1), null);
            return true;
        }
        catch (Diagnostics.KilnException)
        {
            return false;
        }
    }

    private static HclValue Lookup(FunctionArguments a)
    {
        var map = a.Object(0);
        var key = a.String(1);
        if (map.TryGet(key, out var value))
        {
            return value;
        }

        return a.Count == 3 ? a[2] : throw new HclFunctionException($"lookup failed to find key \"{key}\"", 1);
    }

    private static HclValue Merge(FunctionArguments a)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].IsNull)
            {
                continue;
            }

            foreach (var (key, value) in a.Object(i).Attributes)
            {
                builder[key] = value;
            }
        }

        return new HclObject(builder.ToImmutable());
    }

    private static HclValue Zipmap(FunctionArguments a)
    {
        var keys = a.StringList(0);
        var values = a.List(1);
        if (keys.Length != values.Length)
        {
            throw new HclFunctionException($"number of keys ({keys.Length}) does not match number of values ({values.Length})");
        }

        return HclValue.Object(keys.Zip(values).Select(p => KeyValuePair.Create(p.First, p.Second)));
    }

    /// <summary>The first non-null argument; primitive arguments are unified to string when their kinds differ.</summary>
    private static HclValue Coalesce(FunctionArguments a)
    {
        var first = a.Values.FirstOrDefault(v => !v.IsNull) ?? throw new HclFunctionException("no non-null, non-empty-string arguments");
        var kinds = a.Values.Where(v => !v.IsNull).Select(v => v.Kind).Distinct().ToList();
        if (kinds.Count > 1 && kinds.All(k => k is HclValueKind.String or HclValueKind.Number or HclValueKind.Bool) &&
            HclConvert.TryConvertPrimitive(first, HclValueKind.String, out var converted))
        {
            return converted;
        }

        return first;
    }
}
