using Kiln.Bake.Compose;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake;

public class ComposeInterpolatorTests
{
    private static readonly ComposeInterpolator Interpolator = new(new Dictionary<string, string> { ["SET"] = "v", ["EMPTY"] = "" });

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$SET", "v")]
    [InlineData("${SET}", "v")]
    [InlineData("a${SET}b", "avb")]
    [InlineData("${UNSET}", "")]
    [InlineData("${UNSET:-def}", "def")]
    [InlineData("${EMPTY:-def}", "def")]
    [InlineData("${EMPTY-def}", "")]
    [InlineData("${UNSET-def}", "def")]
    [InlineData("${SET:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET:-${SET}}", "v")]
    [InlineData("$$SET", "$SET")]
    [InlineData("cost: 5$", "cost: 5$")]
    public void Interpolates(string input, string expected) => Assert.Equal(expected, Interpolator.Interpolate(input, null));

    [Theory]
    [InlineData("${UNSET:?required}")]
    [InlineData("${EMPTY:?required}")]
    [InlineData("${unclosed")]
    [InlineData("${}")]
    [InlineData("${SET:x}")]
    public void RejectsBadForms(string input)
    {
        var ex = Assert.Throws<KilnException>(() => Interpolator.Interpolate(input, null));
        Assert.Equal(ErrorCodes.BakeComposeInterpolation, ex.Code);
    }
}
