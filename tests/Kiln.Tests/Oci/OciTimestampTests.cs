using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Oci;

public class OciTimestampTests
{
    [Theory]
    [InlineData("2024-05-01T12:34:56Z", "2024-05-01T12:34:56.0000000+00:00")]
    [InlineData("2024-05-01T12:34:56.123456789Z", "2024-05-01T12:34:56.1234567+00:00")]
    [InlineData("2024-05-01t12:34:56.5z", "2024-05-01T12:34:56.5000000+00:00")]
    [InlineData("2024-05-01T12:34:56-07:30", "2024-05-01T12:34:56.0000000-07:30")]
    public void ValidTimesKeepTheirTextAndValue(string text, string roundTrip)
    {
        var timestamp = OciTimestamp.Parse(text);

        Assert.Equal(text, timestamp.Text);
        Assert.Equal(roundTrip, timestamp.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-05-01")]
    [InlineData("2024-05-01 12:34:56Z")]
    [InlineData("2024-05-01T12:34:56.1234567890Z")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-05-01T25:00:00Z")]
    [InlineData("2024-05-01T12:34:56Z\n")]
    [InlineData("2024-05-01T12:34:56+0100")]
    public void InvalidTimesAreRejected(string text)
    {
        Assert.False(OciTimestamp.TryParse(text, out _));
        Assert.Equal(ErrorCodes.InvalidImageConfig, Assert.Throws<KilnException>(() => OciTimestamp.Parse(text)).Code);
    }

    [Theory]
    [InlineData(0L, 0L, "1970-01-01T00:00:00Z")]
    [InlineData(1714566896L, 1_234_500L, "2024-05-01T12:34:56.12345Z")]
    [InlineData(1714566896L, 5_000_000L, "2024-05-01T12:34:56.5Z")]
    public void FormatsLikeGoRfc3339Nano(long seconds, long ticks, string expected)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks).ToOffset(TimeSpan.FromHours(3));

        Assert.Equal(expected, OciTimestamp.FromDateTimeOffset(time).Text);
    }
}
