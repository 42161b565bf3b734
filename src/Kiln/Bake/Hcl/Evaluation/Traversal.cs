using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>Attribute and index access on values, failing as HCL does for missing keys or wrong types.</summary>
internal static class Traversal
{
    public static HclValue GetAttribute(HclValue value, string name, SourceSpan? span) => value switch
    {
        HclObject o when o.TryGet(name, out var item) => item,
        HclObject => throw new KilnException(ErrorCodes.HclUnsupportedAttribute, $"Unsupported attribute: this object does not have an attribute named \"{name}\"", span),
        HclNull => throw new KilnException(ErrorCodes.HclNullValue, "Attempt to get attribute from null value", span),
        _ => throw new KilnException(ErrorCodes.HclUnsupportedAttribute, $"Unsupported attribute: can't access attributes on a {value.TypeName} value", span),
    };

    public static HclValue Index(HclValue value, HclValue key, SourceSpan? span)
    {
        if (value.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Attempt to index null value", span);
        }

        if (key.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Invalid index: can't use a null value as an indexing key", span);
        }

        switch (value)
        {
            case HclTuple t:
                if (!HclConvert.TryToNumber(key, out var n) || !n.IsInteger)
                {
                    throw new KilnException(ErrorCodes.HclInvalidIndex, "Invalid index: the given key does not identify an element in this collection value: a whole number is required", span);
                }

                var i = n.Truncate();
                return i >= 0 && i < t.Count
                    ? t.Items[(int)i]
                    : throw new KilnException(ErrorCodes.HclInvalidIndex, $"Invalid index: the given key does not identify an element in this collection value (index {i}, length {t.Count})", span);
            case HclObject o:
                if (!HclConvert.TryToString(key, out var s))
                {
                    throw new KilnException(ErrorCodes.HclInvalidIndex, "Invalid index: a string key is required", span);
                }

                return o.TryGet(s, out var item)
                    ? item
                    : throw new KilnException(ErrorCodes.HclInvalidIndex, $"Invalid index: the given key does not identify an element in this collection value: no key \"{s}\"", span);
            default:
                throw new KilnException(ErrorCodes.HclInvalidIndex, $"Invalid index: this value does not have any indices ({value.TypeName})", span);
        }
    }
}
