using System.Globalization;
using System.Text;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// Go's fmt verbs as BuildKit's history texts use them: <c>%q</c> of a string slice, <c>%v</c> of a string slice,
/// a rune literal and a time.Duration.
/// </summary>
internal static class GoFormat
{
    /// <summary><c>%q</c> of []string: <c>["a" "b"]</c>.</summary>
    public static string QuoteList(IEnumerable<string> items) => "[" + string.Join(' ', items.Select(Quote)) + "]";

    /// <summary><c>%v</c> of []string: <c>[a b]</c>.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";

    /// <summary>strconv.Quote for printable text and the usual escapes.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            AppendEscaped(sb, rune, '"');
        }

        return sb.Append('"').ToString();
    }

    /// <summary><c>%q</c> of an integer: a Go rune literal such as <c>'\x03'</c>.</summary>
    public static string QuoteRune(int value)
    {
        var sb = new StringBuilder("'");
        AppendEscaped(sb, Rune.IsValid(value) ? new Rune(value) : Rune.ReplacementChar, '\'');
        return sb.Append('\'').ToString();
    }

    /// <summary>time.Duration.String(): "0s", "500ms", "1m30s", "1h0m0s".</summary>
    public static string Duration(TimeSpan span)
    {
        var ns = span.Ticks * 100;
        if (ns == 0)
        {
            return "0s";
        }

        var sign = ns < 0 ? "-" : "";
        var u = (ulong)Math.Abs(ns);
        if (u < 1_000_000_000)
        {
            return sign + (u < 1_000 ? $"{u}ns" : u < 1_000_000 ? Fraction(u, 1_000) + "µs" : Fraction(u, 1_000_000) + "ms");
        }

        var hours = u / 3_600_000_000_000;
        var minutes = u / 60_000_000_000 % 60;
        var seconds = Fraction(u % 60_000_000_000, 1_000_000_000) + "s";
        return sign + (hours > 0 ? $"{hours}h{minutes}m{seconds}" : minutes > 0 ? $"{minutes}m{seconds}" : seconds);
    }

    private static string Fraction(ulong value, ulong unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        var rest = value % unit;
        if (rest == 0)
        {
            return whole;
        }

        var digits = (unit.ToString(CultureInfo.InvariantCulture).Length - 1);
        return whole + "." + rest.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }

    private static void AppendEscaped(StringBuilder sb, Rune rune, char quote)
    {
        switch (rune.Value)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
            case '\\': sb.Append("\\\\"); return;
        }

        if (rune.Value == quote)
        {
            sb.Append('\\').Append(quote);
        }
        else if (rune.Value < 0x20 || rune.Value == 0x7f)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
        {
            sb.Append(rune.Value <= 0xffff
                ? string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}")
                : string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}"));
        }
        else
        {
            sb.Append(rune.ToString());
        }
    }
}
