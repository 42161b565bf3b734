using Kiln.Cli.Progress;
using Kiln.Diagnostics;

namespace Kiln.Tests.Cli.Progress;

public class ProgressModesTests
{
    [Theory]
    [InlineData("plain", null, "Plain")]
    [InlineData("rawjson", "plain", "RawJson")]
    [InlineData(null, "rawjson", "RawJson")]
    [InlineData("auto", "plain", "Plain")]
    [InlineData(null, null, "Auto")]
    [InlineData("quiet", null, "Quiet")]
    public void TheFlagWinsOverBuildkitProgress(string? flag, string? environment, string expected) =>
        Assert.Equal(expected, ProgressModes.Resolve(flag, name => name == "BUILDKIT_PROGRESS" ? environment : null).ToString());

    [Fact]
    public void AnUnknownModeIsAnError() =>
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<KilnException>(() => ProgressModes.Parse("fancy")).Code);
}
