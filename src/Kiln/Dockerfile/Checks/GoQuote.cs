using System.Globalization;
using System.Text;

namespace Kiln.Dockerfile.Checks;

/// <summary>Go's <c>%q</c> for the strings BuildKit quotes in check messages: double quotes with Go escapes.</summary>
internal static class GoQuote
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case < 0x20 or 0x7f:
                    sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(rune.ToString());
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
