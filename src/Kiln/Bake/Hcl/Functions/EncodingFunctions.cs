using System.Text;
using System.Text.Json;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>Encoding functions: base64, JSON, CSV and URL query escaping.</summary>
internal static class EncodingFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Fixed("base64encode", 1, a => HclValue.From(Convert.ToBase64String(Encoding.UTF8.GetBytes(a.String(0))))),
        HclFunction.Fixed("base64decode", 1, Base64Decode),
        HclFunction.Fixed("jsonencode", 1, a => HclValue.From(HclJson.Encode(a[0]))),
        HclFunction.Fixed("jsondecode", 1, JsonDecode),
        HclFunction.Fixed("csvdecode", 1, a => CsvDecoder.Decode(a.String(0))),
        HclFunction.Fixed("urlencode", 1, a => HclValue.From(QueryEscape(a.String(0)))),
    ];

    private static HclValue Base64Decode(FunctionArguments a)
    {
        var text = a.String(0);
        try
        {
            var bytes = Convert.FromBase64String(text);
            return HclValue.From(new UTF8Encoding(false, true).GetString(bytes));
        }
        catch (FormatException)
        {
            throw new HclFunctionException($"failed to decode base64 data \"{text}\"", 0);
        }
        catch (DecoderFallbackException)
        {
            throw new HclFunctionException("the result of decoding the provided string is not valid UTF-8", 0);
        }
    }

    private static HclValue JsonDecode(FunctionArguments a)
    {
        try
        {
            return HclJson.Decode(a.String(0));
        }
        catch (JsonException e)
        {
            throw new HclFunctionException($"invalid JSON: {e.Message}", 0);
        }
    }

    /// <summary>Go's url.QueryEscape: unreserved characters stay, space becomes "+", everything else is %XX of its UTF-8 bytes.</summary>
    private static string QueryEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
