namespace Kiln.Bake.Hcl.Values;

/// <summary>The automatic conversions between primitive values that HCL applies (string, number and bool).</summary>
internal static class HclConvert
{
    public static bool TryToString(HclValue value, out string result)
    {
        switch (value)
        {
            case HclString s:
                result = s.Value;
                return true;
            case HclNumber n:
                result = n.Value.ToString();
                return true;
            case HclBool b:
                result = b.Value ? "true" : "false";
                return true;
            default:
                result = "";
                return false;
        }
    }

    public static bool TryToNumber(HclValue value, out BigFloat result)
    {
        switch (value)
        {
            case HclNumber n:
                result = n.Value;
                return true;
            case HclString s:
                return BigFloat.TryParse(s.Value, out result);
            default:
                result = BigFloat.Zero;
                return false;
        }
    }

    public static bool TryToBool(HclValue value, out bool result)
    {
        switch (value)
        {
            case HclBool b:
                result = b.Value;
                return true;
            case HclString { Value: "true" or "1" }:
                result = true;
                return true;
            case HclString { Value: "false" or "0" }:
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>A primitive value converted to the kind of <paramref name="target"/>, as HCL unifies conditional results.</summary>
    public static bool TryConvertPrimitive(HclValue value, HclValueKind target, out HclValue result)
    {
        result = value;
        if (value.Kind == target || value.IsNull)
        {
            return true;
        }

        switch (target)
        {
            case HclValueKind.String when TryToString(value, out var s):
                result = HclValue.From(s);
                return true;
            case HclValueKind.Number when TryToNumber(value, out var n):
                result = HclValue.From(n);
                return true;
            case HclValueKind.Bool when TryToBool(value, out var b):
                result = HclValue.From(b);
                return true;
            default:
                return false;
        }
    }
}
