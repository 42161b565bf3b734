using System.Diagnostics;
using System.Text.RegularExpressions;
using Kiln.Bake.Hcl;

namespace Kiln.DifferentialTests.Bake.Hcl;

/// <summary>
/// For the invalid files listed in testdata/hcl/invalid-buildx.txt, kiln's first diagnostic is at the same
/// line and column as the first error docker buildx bake reports for that file.
/// </summary>
public partial class HclInvalidDifferentialTests
{
    public static TheoryData<string> Names() =>
        [.. File.ReadAllLines(Path.Combine("testdata", "hcl", "invalid-buildx.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task FirstErrorPositionMatchesBuildx(string name)
    {
        var source = await File.ReadAllTextAsync(Path.Combine("testdata", "hcl", "invalid", name + ".hcl"));
        var kiln = HclParser.ParseFile(source, "docker-bake.hcl").Diagnostics[0].Span!.Start.ToString();
        Assert.Equal(await BuildxFirstErrorAsync(source), kiln);
    }

    private static async Task<string> BuildxFirstErrorAsync(string source)
    {
        var dir = Directory.CreateTempSubdirectory("kiln-hcl-invalid-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "docker-bake.hcl"), source);
            var start = new ProcessStartInfo("docker", ["buildx", "bake", "--print"])
            {
                WorkingDirectory = dir.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("docker could not be started; run scripts/setup.sh oracle");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await stdout;
            await process.WaitForExitAsync();
            Assert.NotEqual(0, process.ExitCode);
            var match = Position().Match(stderr);
            Assert.True(match.Success, $"no position in buildx output (see scripts/setup.sh if buildx is missing): {stderr}");
            return $"{match.Groups[1].Value}:{match.Groups[2].Value}";
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"docker-bake\.hcl:(\d+),(\d+)")]
    private static partial Regex Position();
}
