using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiln.Bake.Hcl.Values;

/// <summary>Converts values to and from JSON the way cty does, with Go's encoding/json escaping.</summary>
internal static class HclJson
{
    public static string Encode(HclValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    /// <summary>Parses JSON text; numbers keep full precision. Throws <see cref="JsonException"/> on bad input.</summary>
    public static HclValue Decode(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return Convert(document.RootElement);
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    private static void Write(StringBuilder sb, HclValue value)
    {
        switch (value)
        {
            case HclString s:
                WriteString(sb, s.Value);
                break;
            case HclNumber n:
                sb.Append(n.Value.ToString());
                break;
            case HclBool b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case HclTuple t:
                sb.Append('[');
                for (var i = 0; i < t.Items.Length; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    Write(sb, t.Items[i]);
                }

                sb.Append(']');
                break;
            case HclObject o:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in o.Attributes)
                {
                    sb.Append(first ? "" : ",");
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, item);
                }

                sb.Append('}');
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static HclValue Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => HclValue.From(element.GetString()!),
        JsonValueKind.Number => HclValue.From(BigFloat.Parse(element.GetRawText())),
        JsonValueKind.True => HclValue.True,
        JsonValueKind.False => HclValue.False,
        JsonValueKind.Array => new HclTuple([.. element.EnumerateArray().Select(Convert)]),
        JsonValueKind.Object => HclValue.Object(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Convert(p.Value)))),
        _ => HclValue.Null,
    };
}
