using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses sizes such as "64m" or "1.5GiB" with binary multipliers, like docker's RAMInBytes.</summary>
internal static partial class ByteSize
{
    public static bool TryParseRam(string s, out long bytes)
    {
        bytes = 0;
        var m = SizeRegex().Match(s);
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            return false;
        }

        var unit = m.Groups[2].Value.ToLowerInvariant();
        var mult = unit.Length == 0 ? 1L : unit[0] switch
        {
            'b' => 1L,
            'k' => 1L << 10,
            'm' => 1L << 20,
            'g' => 1L << 30,
            't' => 1L << 40,
            _ => 1L << 50,
        };
        bytes = (long)(n * mult);
        return true;
    }

    [GeneratedRegex(@"^([\d.]+)\s*((?i:[kmgtp])?(?i:i?b)?)$")]
    private static partial Regex SizeRegex();
}
