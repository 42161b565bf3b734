using Kiln.Cli;

namespace Kiln.Tests.Cli;

/// <summary>`kiln build --check` / `--call=check` end to end through the command line, and `kiln build` without it.</summary>
public sealed class BuildCheckCommandTests : IDisposable
{
    private readonly DirectoryInfo _context = Directory.CreateTempSubdirectory("kiln-check-");

    public void Dispose() => _context.Delete(recursive: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KilnCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private void Write(string text, string name = "Dockerfile") => File.WriteAllText(Path.Combine(_context.FullName, name), text);

    [Fact]
    public async Task PrintsWarningsLikeBuildxAndExitsZero()
    {
        Write("FROM busybox as base\nCMD echo hi\n");
        var (code, output, _) = await RunAsync("build", "--check", _context.FullName);
        Assert.Equal(0, code);
        Assert.StartsWith("Check complete, 2 warnings have been found!\n\nWARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/\n'as' and 'FROM' keywords' casing do not match\nDockerfile:1\n", output, StringComparison.Ordinal);
        Assert.Contains("WARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/", output, StringComparison.Ordinal);
        Assert.Contains("   2 | >>> CMD echo hi\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallCheckIsTheSameAsCheck()
    {
        Write("FROM busybox\nMAINTAINER me\n");
        var check = await RunAsync("build", "--check", _context.FullName);
        var call = await RunAsync("build", "--call=check", _context.FullName);
        Assert.Equal(check, call);
    }

    [Fact]
    public async Task CleanDockerfileSaysNoWarnings()
    {
        Write("FROM busybox\nCMD [\"sh\"]\n");
        var (code, output, error) = await RunAsync("build", "--check", _context.FullName);
        Assert.Equal(0, code);
        Assert.Equal("Check complete, no warnings found.\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task ErrorTrueExitsNonZeroWithViolationCode()
    {
        Write("# check=error=true\nFROM busybox\nCMD echo hi\n");
        var (code, output, error) = await RunAsync("build", "--check", _context.FullName);
        Assert.Equal(1, code);
        Assert.Contains("WARNING: JSONArgsRecommended", output, StringComparison.Ordinal);
        Assert.Contains("KILN1541", error, StringComparison.Ordinal);
        Assert.Contains("lint violation found for rules: JSONArgsRecommended", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildArgCanTurnChecksIntoErrors()
    {
        Write("FROM busybox\nCMD echo hi\n");
        var (code, _, error) = await RunAsync("build", "--check", "--build-arg", "BUILDKIT_DOCKERFILE_CHECK=error=true", _context.FullName);
        Assert.Equal(1, code);
        Assert.Contains("KILN1541", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseErrorsArePrintedWithCodeAndSnippet()
    {
        Write("FROM busybox\nCOPY --nope a b\n");
        var (code, _, error) = await RunAsync("build", "--check", _context.FullName);
        Assert.Equal(1, code);
        Assert.Contains("KILN1407", error, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:2:", error, StringComparison.Ordinal);
        Assert.Contains(" >>> 2 | COPY --nope a b", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileFlagTargetAndBuildArgsAreApplied()
    {
        Write("ARG BASE\nFROM busybox${BASE} AS a\nCOPY $NOPE /x\nFROM busybox AS b\nWORKDIR app\n", "ci.Dockerfile");
        var file = Path.Combine(_context.FullName, "ci.Dockerfile");
        var (code, output, _) = await RunAsync("build", "--check", "-f", file, "--target", "b", "--build-arg", "BASE=", _context.FullName);
        Assert.Equal(0, code);
        Assert.Contains("ci.Dockerfile:5", output, StringComparison.Ordinal);
        Assert.DoesNotContain("UndefinedVar", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTargetIsAnError()
    {
        Write("FROM busybox AS a\n");
        var (code, _, error) = await RunAsync("build", "--check", "--target", "nope", _context.FullName);
        Assert.Equal(1, code);
        Assert.Contains("KILN1480", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherCallMethodsAreRejected()
    {
        Write("FROM busybox\n");
        var (code, _, error) = await RunAsync("build", "--call=outline", _context.FullName);
        Assert.NotEqual(0, code);
        Assert.Contains("KILN1002", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDockerfileIsAnError()
    {
        var (code, _, error) = await RunAsync("build", "--check", _context.FullName);
        Assert.Equal(1, code);
        Assert.Contains("KILN1001", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFlagsAreNotIgnored()
    {
        Write("FROM busybox\n");
        var (code, _, _) = await RunAsync("build", "--check", "--push", _context.FullName);
        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task DockerignoreFeedsCopyIgnoredFile()
    {
        Write("# check=experimental=CopyIgnoredFile\nFROM busybox\nCOPY secret.txt /app/\nCOPY build/out /app/\nCOPY main.go /app/\n");
        Write("secret.txt\nbuild\n", ".dockerignore");
        var (code, output, _) = await RunAsync("build", "--check", _context.FullName);
        Assert.Equal(0, code);
        Assert.Contains("Attempting to Copy file \"secret.txt\" that is excluded by .dockerignore\nDockerfile:3", output, StringComparison.Ordinal);
        Assert.Contains("Attempting to Copy file \"build/out\" that is excluded by .dockerignore\nDockerfile:4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("file \"main.go\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DockerfileSpecificIgnoreFileWins()
    {
        Write("# check=experimental=CopyIgnoredFile\nFROM busybox\nCOPY a.txt b.txt /app/\n", "app.Dockerfile");
        Write("a.txt\n", ".dockerignore");
        Write("b.txt\n", "app.Dockerfile.dockerignore");
        var (_, output, _) = await RunAsync("build", "--check", "-f", Path.Combine(_context.FullName, "app.Dockerfile"), _context.FullName);
        Assert.Contains("\"b.txt\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"a.txt\"", output, StringComparison.Ordinal);
    }
}
