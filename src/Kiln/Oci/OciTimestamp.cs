using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// An RFC 3339 time as written in image configs ("2024-05-01T12:34:56.123456789Z"). The original text is kept, so
/// nanoseconds survive a round trip; <see cref="Value"/> is the time to 100 ns.
/// </summary>
internal readonly partial record struct OciTimestamp
{
    private OciTimestamp(string text, DateTimeOffset value)
    {
        Text = text;
        Value = value;
    }

    public string Text { get; }

    public DateTimeOffset Value { get; }

    /// <summary>Formats like Go's RFC3339Nano: UTC as "Z", trailing zeros of the fraction dropped.</summary>
    public static OciTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + (fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return new OciTimestamp(text + "Z", utc);
    }

    /// <summary>The time <paramref name="seconds"/> after the Unix epoch (SOURCE_DATE_EPOCH).</summary>
    public static OciTimestamp FromUnixSeconds(long seconds) => FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(seconds));

    public static OciTimestamp Parse(string text) =>
        TryParse(text, out var timestamp)
            ? timestamp
            : throw new KilnException(ErrorCodes.InvalidImageConfig, $"invalid time \"{(text.Length <= 60 ? text : text[..60] + "...")}\": expected RFC 3339");

    public static bool TryParse(string? text, out OciTimestamp timestamp)
    {
        timestamp = default;
        var match = text is null ? null : Rfc3339().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        // DateTimeOffset holds 7 fraction digits; keep at most 7 for the value, all of them in the text.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["main"].Value.ToUpperInvariant()
            + (fraction.Length == 0 ? "" : "." + fraction[..Math.Min(7, fraction.Length)])
            + match.Groups["zone"].Value.ToUpperInvariant();
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            return false;
        }

        timestamp = new OciTimestamp(text!, value);
        return true;
    }

    public override string ToString() => Text ?? "";

    [GeneratedRegex(@"^(?<main>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<zone>[Zz]|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
