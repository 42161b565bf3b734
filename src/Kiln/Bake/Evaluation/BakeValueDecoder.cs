using System.Collections.Immutable;
using Kiln.Bake.Hcl.Values;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake.Evaluation;

/// <summary>Turns an evaluated HCL value into a field value of the shape the field table declares, as gocty would.</summary>
internal static class BakeValueDecoder
{
    /// <summary>The field value; null when the HCL value is null (the field stays unset).</summary>
    public static BakeValue? Decode(BakeField field, HclValue value, SourceSpan span)
    {
        if (value.IsNull)
        {
            return null;
        }

        return field.Kind switch
        {
            BakeFieldKind.String => new BakeString(Scalar(field, value, span)),
            BakeFieldKind.Bool => new BakeBool(Bool(field, value, span)),
            BakeFieldKind.List => new BakeList(List(field, value, span)),
            BakeFieldKind.Map or BakeFieldKind.NullableMap => Map(field, value, span),
            _ => throw Mismatch(field, "a matrix", value, span),
        };
    }

    public static ImmutableArray<string> List(BakeField field, HclValue value, SourceSpan span)
    {
        if (value is not HclTuple tuple)
        {
            throw Mismatch(field, "list of string", value, span);
        }

        var items = ImmutableArray.CreateBuilder<string>(tuple.Count);
        foreach (var item in tuple.Items)
        {
            if (item.IsNull || !HclConvert.TryToString(item, out var s))
            {
                throw Mismatch(field, "list of string", value, span);
            }

            items.Add(s);
        }

        return items.MoveToImmutable();
    }

    private static string Scalar(BakeField field, HclValue value, SourceSpan span) =>
        HclConvert.TryToString(value, out var s) ? s : throw Mismatch(field, "string", value, span);

    private static bool Bool(BakeField field, HclValue value, SourceSpan span) =>
        HclConvert.TryToBool(value, out var b) ? b : throw Mismatch(field, "bool", value, span);

    private static BakeMap Map(BakeField field, HclValue value, SourceSpan span)
    {
        if (value is not HclObject obj)
        {
            throw Mismatch(field, "map of string", value, span);
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (key, item) in obj.Attributes)
        {
            if (item.IsNull && field.Kind == BakeFieldKind.NullableMap)
            {
                builder[key] = null;
            }
            else if (!item.IsNull && HclConvert.TryToString(item, out var s))
            {
                builder[key] = s;
            }
            else
            {
                throw Mismatch(field, "map of string", value, span);
            }
        }

        return new BakeMap(builder.ToImmutable());
    }

    private static KilnException Mismatch(BakeField field, string expected, HclValue value, SourceSpan span) =>
        new(ErrorCodes.BakeFieldType, $"Incorrect attribute value type: \"{field.Name}\" requires {expected}, not {value.TypeName}", span);
}
