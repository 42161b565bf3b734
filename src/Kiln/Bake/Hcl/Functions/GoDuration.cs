using System.Globalization;
using Kiln.Bake.Hcl.Evaluation;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>Parses Go duration strings such as "1h30m", "-1.5h" or "300ms".</summary>
internal static class GoDuration
{
    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("ns", 0.01m), ("us", 10m), ("µs", 10m), ("μs", 10m), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static TimeSpan Parse(string text, int argument)
    {
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return TimeSpan.Zero;
        }

        if (s.Length == 0)
        {
            throw Invalid(text, argument);
        }

        var total = 0m;
        while (s.Length > 0)
        {
            var n = 0;
            while (n < s.Length && (char.IsAsciiDigit(s[n]) || s[n] == '.'))
            {
                n++;
            }

            if (n == 0 || !decimal.TryParse(s[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                throw Invalid(text, argument);
            }

            s = s[n..];
            var unit = Units.Where(u => s.StartsWith(u.Unit, StringComparison.Ordinal)).OrderByDescending(u => u.Unit.Length).FirstOrDefault();
            if (unit.Unit is null)
            {
                throw Invalid(text, argument);
            }

            s = s[unit.Unit.Length..];
            total += amount * unit.Ticks;
        }

        var ticks = (long)decimal.Round(total);
        return TimeSpan.FromTicks(negative ? -ticks : ticks);
    }

    private static HclFunctionException Invalid(string text, int argument) => new($"time: invalid duration \"{text}\"", argument);
}
