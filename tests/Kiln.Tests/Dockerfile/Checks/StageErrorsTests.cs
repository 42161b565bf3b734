using Kiln.Diagnostics;
using Kiln.Dockerfile.Checks;

namespace Kiln.Tests.Dockerfile.Checks;

/// <summary>The errors the check call stops on: FROM images and platforms that are blank, unparsable or fail to expand.</summary>
public class StageErrorsTests
{
    public static TheoryData<string, int, int> Rows() => new()
    {
        { "ARG IMAGE\nFROM ${IMAGE}\n", 1543, 2 },
        { "ARG TAG\nFROM busybox:${TAG}\n", 1543, 2 },
        { "FROM scratch AS base\nFROM Base\n", 1483, 2 },
        { "FROM --platform=$NOPE busybox\n", 1544, 1 },
        { "FROM --platform=linux/amd64/v3/x busybox\n", 1544, 1 },
        { "FROM busybox\nFROM ${X:?required}\n", 1507, 2 },
        { "FROM busybox AS a\nFROM busybox AS b\nUSER ${U:?required}\n", 1507, 3 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ReportsTheErrorWithCodeAndLine(string dockerfile, int code, int line)
    {
        var result = DockerfileChecker.Check(dockerfile);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code.Number);
        Assert.Equal(line, error.Span!.Start.Line);
    }

    [Theory]
    [InlineData("FROM scratch AS base\nFROM base\n")]
    [InlineData("FROM busybox AS build\nFROM build AS final\n")]
    [InlineData("FROM 127.0.0.1:5000/busybox:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n")]
    [InlineData("FROM --platform=$BUILDPLATFORM busybox\n")]
    [InlineData("FROM --platform=arm64 busybox AS arm64\n")]
    public void ValidFromLinesHaveNoErrors(string dockerfile) => Assert.Empty(DockerfileChecker.Check(dockerfile).Errors);

    [Fact]
    public void BuildArgMakesAnEmptyDefaultValid()
    {
        var options = new CheckOptions { BuildArgs = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("TAG", "1.36") };
        var result = DockerfileChecker.Check("ARG TAG\nFROM busybox:${TAG}\n", "Dockerfile", options);
        Assert.Empty(result.Errors);
        Assert.Equal(CheckRules.InvalidDefaultArgInFrom, Assert.Single(result.Warnings).Rule);
        Assert.Equal(ErrorCodes.CheckInvalidBaseName, DockerfileChecker.Check("ARG TAG\nFROM busybox:${TAG}\n").Errors[0].Code);
    }
}
