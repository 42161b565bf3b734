using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Types;

/// <summary>Converts values to a type constraint with cty's rules; a failure names the path that did not fit.</summary>
internal static class TypeConverter
{
    /// <summary>Converts <paramref name="value"/>, or returns false with a reason such as <c>[1].name: a number is required</c>.</summary>
    public static bool TryConvert(HclValue value, HclType type, out HclValue result, out string error)
    {
        error = "";
        try
        {
            result = Convert(value, type, "");
            return true;
        }
        catch (HclFunctionException e)
        {
            result = HclValue.Null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Reads a string (an environment variable, a <c>--set</c> value) as a value of <paramref name="type"/>:
    /// primitives convert from the text; collections are parsed as an HCL literal expression first.
    /// </summary>
    public static bool TryParseString(string text, HclType type, out HclValue result, out string error)
    {
        if (type.IsPrimitive || type.Kind == HclTypeKind.Any)
        {
            return TryConvert(HclValue.From(text), type, out result, out error);
        }

        var (expression, diagnostics) = HclParser.ParseExpression(text, "<value>");
        if (diagnostics.Any(d => d.IsError))
        {
            result = HclValue.Null;
            error = diagnostics.First(d => d.IsError).Summary;
            return false;
        }

        try
        {
            return TryConvert(expression.Evaluate(new EvalContext()), type, out result, out error);
        }
        catch (Diagnostics.KilnException e)
        {
            result = HclValue.Null;
            error = e.Message;
            return false;
        }
    }

    private static HclValue Convert(HclValue value, HclType type, string path)
    {
        if (value.IsNull || type.Kind == HclTypeKind.Any)
        {
            return value;
        }

        switch (type.Kind)
        {
            case HclTypeKind.String:
                return HclConvert.TryToString(value, out var s) ? HclValue.From(s) : throw Fail(path, "string required");
            case HclTypeKind.Number:
                return HclConvert.TryToNumber(value, out var n) ? HclValue.From(n) : throw Fail(path, "a number is required");
            case HclTypeKind.Bool:
                return HclConvert.TryToBool(value, out var b) ? HclValue.From(b) : throw Fail(path, "a bool is required");
            case HclTypeKind.List or HclTypeKind.Set:
                var items = value is HclTuple t ? t.Items : throw Fail(path, $"{type.Kind.ToString().ToLowerInvariant()} of {type.Element} required");
                var converted = Unify(items.Select((v, i) => Convert(v, type.Element!, $"{path}[{i}]")).ToList(), type.Element!);
                return type.Kind == HclTypeKind.Set ? SetFunctions.Set(converted) : HclValue.Tuple(converted);
            case HclTypeKind.Map:
                var map = value as HclObject ?? throw Fail(path, $"map of {type.Element} required");
                var values = Unify([.. map.Attributes.Values.Select((v, i) => Convert(v, type.Element!, $"{path}[\"{map.Attributes.Keys.ElementAt(i)}\"]"))], type.Element!);
                return HclValue.Object(map.Attributes.Keys.Zip(values).Select(p => KeyValuePair.Create(p.First, p.Second)));
            case HclTypeKind.Tuple:
                var tuple = value as HclTuple ?? throw Fail(path, "tuple required");
                return tuple.Count == type.Elements.Length
                    ? HclValue.Tuple(tuple.Items.Select((v, i) => Convert(v, type.Elements[i], $"{path}[{i}]")))
                    : throw Fail(path, $"tuple required with {type.Elements.Length} elements");
            default:
                var obj = value as HclObject ?? throw Fail(path, "object required");
                return HclValue.Object(type.Attributes.Select(a => KeyValuePair.Create(a.Key, Attribute(obj, a.Key, a.Value, type, path))));
        }
    }

    private static HclValue Attribute(HclObject obj, string name, HclType type, HclType owner, string path)
    {
        if (obj.TryGet(name, out var value))
        {
            return Convert(value, type, $"{path}.{name}");
        }

        return owner.Optional.Contains(name) ? HclValue.Null : throw Fail(path, $"attribute \"{name}\" is required");
    }

    /// <summary>Elements of <c>list(any)</c> or <c>map(any)</c> must share one type: mixed primitives become strings.</summary>
    private static List<HclValue> Unify(List<HclValue> items, HclType element)
    {
        if (element.Kind != HclTypeKind.Any)
        {
            return items;
        }

        var kinds = items.Where(v => !v.IsNull).Select(v => v.Kind).Distinct().ToList();
        if (kinds.Count > 1 && kinds.All(k => k is HclValueKind.String or HclValueKind.Number or HclValueKind.Bool))
        {
            return [.. items.Select(v => HclConvert.TryConvertPrimitive(v, HclValueKind.String, out var s) ? s : v)];
        }

        return kinds.Count > 1 ? throw Fail("", "all elements must have the same type") : items;
    }

    private static HclFunctionException Fail(string path, string problem) => new(path.Length == 0 ? problem : $"{path.TrimStart('.')}: {problem}");
}
