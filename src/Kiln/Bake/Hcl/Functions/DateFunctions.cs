using System.Globalization;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary><c>timestamp</c>, <c>formatdate</c> and <c>timeadd</c> over RFC 3339 timestamps; the clock is injected.</summary>
internal static class DateFunctions
{
    private static readonly string[] Rfc3339 = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static IEnumerable<HclFunction> All(HclFunctionEnvironment environment) =>
    [
        HclFunction.Fixed("timestamp", 0, _ => HclValue.From(Format(environment.Clock.GetUtcNow()))),
        HclFunction.Fixed("formatdate", 2, a => HclValue.From(FormatDate(a.String(0), Parse(a.String(1), 1)))),
        HclFunction.Fixed("timeadd", 2, a => HclValue.From(Format(Parse(a.String(0), 0) + GoDuration.Parse(a.String(1), 1)))),
    ];

    /// <summary>Go's RFC 3339 layout: "Z" for UTC, otherwise the offset with a colon.</summary>
    public static string Format(DateTimeOffset time)
    {
        var text = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return text + Offset(time.Offset, colon: true, utcAsZ: true);
    }

    private static DateTimeOffset Parse(string text, int argument) =>
        DateTimeOffset.TryParseExact(text, Rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new HclFunctionException($"not a valid RFC3339 timestamp: \"{text}\"", argument);

    private static string FormatDate(string spec, DateTimeOffset t)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < spec.Length;)
        {
            var c = spec[i];
            if (c == '\'')
            {
                i = Quoted(spec, i, sb);
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < spec.Length && spec[i + run] == c)
            {
                run++;
            }

            sb.Append(Verb(spec.Substring(i, run), t));
            i += run;
        }

        return sb.ToString();
    }

    private static int Quoted(string spec, int i, StringBuilder sb)
    {
        if (i + 1 < spec.Length && spec[i + 1] == '\'')
        {
            sb.Append('\'');
            return i + 2;
        }

        var end = spec.IndexOf('\'', i + 1);
        if (end < 0)
        {
            throw new HclFunctionException("unterminated literal '", 0);
        }

        sb.Append(spec, i + 1, end - i - 1);
        return end + 1;
    }

    private static string Verb(string verb, DateTimeOffset t)
    {
        var hour12 = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        return verb switch
        {
            "YYYY" => t.Year.ToString("0000", CultureInfo.InvariantCulture),
            "YY" => (t.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            "MMMM" => t.ToString("MMMM", CultureInfo.InvariantCulture),
            "MMM" => t.ToString("MMM", CultureInfo.InvariantCulture),
            "MM" => t.Month.ToString("00", CultureInfo.InvariantCulture),
            "M" => t.Month.ToString(CultureInfo.InvariantCulture),
            "DD" => t.Day.ToString("00", CultureInfo.InvariantCulture),
            "D" => t.Day.ToString(CultureInfo.InvariantCulture),
            "EEEE" => t.DayOfWeek.ToString(),
            "EEE" => t.DayOfWeek.ToString()[..3],
            "hh" => t.Hour.ToString("00", CultureInfo.InvariantCulture),
            "h" => t.Hour.ToString(CultureInfo.InvariantCulture),
            "HH" => hour12.ToString("00", CultureInfo.InvariantCulture),
            "H" => hour12.ToString(CultureInfo.InvariantCulture),
            "AA" => t.Hour < 12 ? "AM" : "PM",
            "aa" => t.Hour < 12 ? "am" : "pm",
            "mm" => t.Minute.ToString("00", CultureInfo.InvariantCulture),
            "m" => t.Minute.ToString(CultureInfo.InvariantCulture),
            "ss" => t.Second.ToString("00", CultureInfo.InvariantCulture),
            "s" => t.Second.ToString(CultureInfo.InvariantCulture),
            "ZZZZZ" => Offset(t.Offset, colon: true, utcAsZ: false),
            "ZZZZ" => Offset(t.Offset, colon: false, utcAsZ: false),
            "ZZZ" => t.Offset == TimeSpan.Zero ? "UTC" : Offset(t.Offset, colon: false, utcAsZ: false),
            "Z" => Offset(t.Offset, colon: true, utcAsZ: true),
            _ => throw new HclFunctionException($"invalid date format verb \"{verb}\": this sequence of letters is not a valid format verb", 0),
        };
    }

    private static string Offset(TimeSpan offset, bool colon, bool utcAsZ)
    {
        if (offset == TimeSpan.Zero && utcAsZ)
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return colon ? $"{sign}{abs.Hours:00}:{abs.Minutes:00}" : $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }
}
