using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>Functions over lists: slicing, sorting, flattening, searching, ranges.</summary>
internal static class SequenceFunctions
{
    private const int MaxRange = 1024;

    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Fixed("chunklist", 2, Chunklist),
        HclFunction.Fixed("compact", 1, a => HclValue.Tuple(a.List(0).Where(v => !v.IsNull && !(v is HclString { Value: "" })))),
        HclFunction.Variadic("concat", 1, a => HclValue.Tuple(Enumerable.Range(0, a.Count).SelectMany(i => a.List(i)))),
        HclFunction.Fixed("contains", 2, a => HclValue.From(a.List(0).Contains(a[1]))),
        HclFunction.Fixed("distinct", 1, a => HclValue.Tuple(a.List(0).Distinct())),
        HclFunction.Fixed("element", 2, Element),
        HclFunction.Fixed("flatten", 1, a => HclValue.Tuple(Flatten(a.List(0)))),
        HclFunction.Fixed("indexof", 2, IndexOf),
        new HclFunction("range", 1, 3, Range),
        HclFunction.Fixed("reverselist", 1, Reverse),
        HclFunction.Fixed("slice", 3, Slice),
        HclFunction.Fixed("sort", 1, a => HclValue.Tuple(a.StringList(0).Order(StringComparer.Ordinal).Select(HclValue.From))),
    ];

    private static HclValue Chunklist(FunctionArguments a)
    {
        var list = a.List(0);
        var size = a.Int32(1);
        if (size < 0)
        {
            throw a.Invalid(1, "the size argument must be positive");
        }

        if (size == 0 || list.Length == 0)
        {
            return HclValue.Tuple(list.Length == 0 ? [] : [new HclTuple(list)]);
        }

        return HclValue.Tuple(list.Chunk(size).Select(c => (HclValue)new HclTuple([.. c])));
    }

    private static HclValue Element(FunctionArguments a)
    {
        var list = a.List(0);
        var index = a.Integer(1);
        if (list.Length == 0)
        {
            throw new HclFunctionException("cannot use element function with an empty list", 0);
        }

        if (index < 0)
        {
            throw new HclFunctionException("cannot use element function with a negative index", 1);
        }

        return list[(int)(index % list.Length)];
    }

    private static IEnumerable<HclValue> Flatten(IEnumerable<HclValue> items) =>
        items.SelectMany(v => v is HclTuple t ? Flatten(t.Items) : [v]);

    private static HclValue IndexOf(FunctionArguments a)
    {
        var list = a.List(0);
        if (list.Length == 0)
        {
            throw new HclFunctionException("cannot search an empty list", 0);
        }

        var i = list.IndexOf(a[1]);
        return i >= 0 ? HclValue.From(i) : throw new HclFunctionException("item not found", 1);
    }

    private static HclValue Range(FunctionArguments a)
    {
        var start = a.Count >= 2 ? a.Number(0) : BigFloat.Zero;
        var end = a.Count >= 2 ? a.Number(1) : a.Number(0);
        var step = a.Count == 3 ? a.Number(2) : BigFloat.FromInteger(end < start ? -1 : 1);
        if (step.IsZero)
        {
            throw new HclFunctionException("step must not be zero", 2);
        }

        if ((step.Sign > 0 && end < start) || (step.Sign < 0 && end > start))
        {
            throw new HclFunctionException(step.Sign > 0 ? "when step is positive, start must be less than or equal to end" : "when step is negative, start must be greater than or equal to end", 2);
        }

        var items = new List<HclValue>();
        for (var v = start; step.Sign > 0 ? v < end : v > end; v += step)
        {
            if (items.Count == MaxRange)
            {
                throw new HclFunctionException($"more than {MaxRange} values were generated; either decrease the difference between start and end or use a smaller step");
            }

            items.Add(HclValue.From(v));
        }

        return HclValue.Tuple(items);
    }

    private static HclValue Reverse(FunctionArguments a) => a.NotNull(0) switch
    {
        HclTuple t => new HclTuple([.. t.Items.Reverse()]),
        _ => throw a.Invalid(0, "a list, tuple or set is required"),
    };

    private static HclValue Slice(FunctionArguments a)
    {
        var list = a.List(0);
        var start = a.Int32(1);
        var end = a.Int32(2);
        if (start < 0)
        {
            throw new HclFunctionException("from index must be greater than or equal to 0", 1);
        }

        if (end > list.Length)
        {
            throw new HclFunctionException("to index must be less than or equal to the length of the input collection", 2);
        }

        if (start > end)
        {
            throw new HclFunctionException("from index must be less than or equal to index", 1);
        }

        return new HclTuple(list[start..end]);
    }
}
