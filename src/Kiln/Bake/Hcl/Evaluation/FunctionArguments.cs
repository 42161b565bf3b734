using System.Collections.Immutable;
using System.Numerics;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>The evaluated arguments of one call, with typed accessors that fail as cty's parameter checks do.</summary>
internal sealed class FunctionArguments(string function, ImmutableArray<HclValue> values)
{
    public string Function { get; } = function;

    public ImmutableArray<HclValue> Values { get; } = values;

    public int Count => Values.Length;

    public HclValue this[int index] => Values[index];

    public string String(int index)
    {
        var value = NotNull(index);
        return HclConvert.TryToString(value, out var s) ? s : throw Invalid(index, "string required");
    }

    public BigFloat Number(int index)
    {
        var value = NotNull(index);
        return HclConvert.TryToNumber(value, out var n) ? n : throw Invalid(index, "a number is required");
    }

    public BigInteger Integer(int index)
    {
        var n = Number(index);
        return n.IsInteger ? n.Truncate() : throw Invalid(index, "value must be a whole number");
    }

    public int Int32(int index)
    {
        var n = Integer(index);
        return n >= int.MinValue && n <= int.MaxValue ? (int)n : throw Invalid(index, "value is too large");
    }

    public bool Bool(int index)
    {
        var value = NotNull(index);
        return HclConvert.TryToBool(value, out var b) ? b : throw Invalid(index, "bool required");
    }

    /// <summary>A list, tuple or set argument.</summary>
    public ImmutableArray<HclValue> List(int index)
    {
        var value = NotNull(index);
        return value is HclTuple t ? t.Items : throw Invalid(index, "list of any single type required");
    }

    public ImmutableArray<string> StringList(int index)
    {
        var items = List(index);
        var builder = ImmutableArray.CreateBuilder<string>(items.Length);
        foreach (var item in items)
        {
            if (item.IsNull)
            {
                throw Invalid(index, "element must not be null");
            }

            builder.Add(HclConvert.TryToString(item, out var s) ? s : throw Invalid(index, "list of string required"));
        }

        return builder.MoveToImmutable();
    }

    public HclObject Object(int index)
    {
        var value = NotNull(index);
        return value as HclObject ?? throw Invalid(index, "map or object required");
    }

    public HclValue NotNull(int index)
    {
        var value = Values[index];
        return value.IsNull ? throw Invalid(index, "argument must not be null") : value;
    }

    public HclFunctionException Invalid(int index, string problem) =>
        new($"Invalid value for argument {index + 1} of {Function}: {problem}", index);
}
