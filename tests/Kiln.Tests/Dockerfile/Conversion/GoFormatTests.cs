using Kiln.Dockerfile.Conversion;

namespace Kiln.Tests.Dockerfile.Conversion;

/// <summary>Go's fmt output as BuildKit's history texts contain it.</summary>
public class GoFormatTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "100ns")]
    [InlineData(10L, "1µs")]
    [InlineData(5_000_000L, "500ms")]
    [InlineData(15_000_000L, "1.5s")]
    [InlineData(900_000_000L, "1m30s")]
    [InlineData(36_000_000_000L, "1h0m0s")]
    [InlineData(36_610_000_000L, "1h1m1s")]
    public void DurationsPrintLikeGo(long ticks, string expected) =>
        Assert.Equal(expected, GoFormat.Duration(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData(0, @"'\x00'")]
    [InlineData(3, @"'\x03'")]
    [InlineData(10, @"'\n'")]
    [InlineData(65, "'A'")]
    [InlineData(39, @"'\''")]
    public void IntegersQuoteAsRuneLiterals(int value, string expected) => Assert.Equal(expected, GoFormat.QuoteRune(value));

    [Theory]
    [InlineData(new[] { "sh", "-c", "echo \"hi\"" }, "[\"sh\" \"-c\" \"echo \\\"hi\\\"\"]")]
    [InlineData(new[] { "a\tb", "back\\slash" }, "[\"a\\tb\" \"back\\\\slash\"]")]
    [InlineData(new string[0], "[]")]
    public void StringSlicesQuoteLikeGo(string[] items, string expected) => Assert.Equal(expected, GoFormat.QuoteList(items));
}
