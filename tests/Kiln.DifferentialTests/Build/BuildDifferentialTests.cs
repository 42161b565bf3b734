using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// Each case of testdata/differential/build built by the reference BuildKit and by <c>kiln build</c>: per platform the
/// image config, history and final filesystem agree (see <see cref="ImageComparer"/>), kiln's archive passes the
/// validator, skopeo and umoci; a case marked <c>fails LINE</c> fails in both, kiln's error naming that line. A case
/// marked <c>differs</c> is listed in KNOWN-DIFFERENCES.md and must still differ, so that fixing it is noticed.
/// </summary>
public sealed class BuildDifferentialTests(BuildCases cases) : IClassFixture<BuildCases>
{
    private readonly BuildCases fixture = cases;

    public static TheoryData<string> Cases() => [.. BuildCases.Names()];

    [Fact]
    public void AtLeastSixtyCases() => Assert.True(Cases().Count >= 60, $"only {Cases().Count} cases");

    [Fact]
    public void KnownDifferencesAreListed()
    {
        Assert.NotNull(fixture);
        var listed = File.ReadAllText(Path.Combine(BuildCases.Root, "KNOWN-DIFFERENCES.md"));
        var marked = BuildCases.Names().Where(n => BuildCase.Load(Path.Combine(BuildCases.Root, n)).KnownDifference is not null).ToList();
        Assert.All(marked, name => Assert.Contains($"`{name}`", listed, StringComparison.Ordinal));
        var mentioned = Regex.Matches(listed, @"^\| `([^`]+)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.All(mentioned, name => Assert.Contains(name, marked));
    }

    /// <summary>The harness reads every archive the reference wrote: one image per requested platform (FROM --platform may pick another), each with files.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReferenceArchiveHasAnImagePerPlatform(string name)
    {
        var buildCase = BuildCase.Load(Path.Combine(BuildCases.Root, name));
        var reference = await ReferenceBuilds.GetAsync(buildCase);
        if (buildCase.FailLine is not null)
        {
            Assert.False(reference.Succeeded, $"the reference built {name}, which is marked to fail");
            return;
        }

        Assert.True(reference.Succeeded, reference.Log);
        var images = OciArchive.Read(reference.Archive!);
        var index = buildCase.Arguments.IndexOf("--platform");
        var platforms = index < 0 ? ["linux/amd64"] : buildCase.Arguments[index + 1].Split(',');
        Assert.Equal(platforms.Length, images.Length);
        Assert.All(images, image => Assert.NotEmpty(ImageFilesystem.Apply(image.Layers)));
        Assert.All(images, image => Assert.Empty(ImageComparer.Compare([image], [image], keepCreated: true)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KilnBuildsWhatTheReferenceBuilds(string name)
    {
        var buildCase = BuildCase.Load(Path.Combine(BuildCases.Root, name));
        var reference = await ReferenceBuilds.GetAsync(buildCase);
        var differences = buildCase.FailLine is { } line
            ? await FailureDifferencesAsync(buildCase, reference, line)
            : await ImageDifferencesAsync(buildCase, reference);
        if (buildCase.KnownDifference is { } known)
        {
            Assert.False(differences.IsEmpty, $"{name} now matches the reference: remove \"differs {known}\" from its case file and KNOWN-DIFFERENCES.md");
        }
        else
        {
            Assert.True(differences.IsEmpty, $"{name} differs from the reference:\n{string.Join('\n', differences)}");
        }
    }

    private static async Task<ImmutableArray<string>> FailureDifferencesAsync(BuildCase buildCase, ReferenceOutcome reference, int line)
    {
        var mark = new Regex($@"Dockerfile:{line}(?!\d)");
        Assert.False(reference.Succeeded, $"the reference built {buildCase.Name}, which is marked \"fails {line}\"");

        // BuildKit names the line for parse and RUN errors; for a failed source (ADD URL) it names only the failed step.
        var instruction = File.ReadAllLines(Path.Combine(buildCase.Directory, "Dockerfile"))[line - 1].Trim();
        var step = new Regex(@"> \[[^\]]*\] " + Regex.Escape(instruction));
        Assert.True(mark.IsMatch(reference.Log) || step.IsMatch(reference.Log), $"the reference's error is not at Dockerfile:{line}:\n{reference.Log}");
        var work = Directory.CreateTempSubdirectory("kiln-difftest-");
        try
        {
            var kiln = await KilnBuild.RunAsync(buildCase, Path.Combine(work.FullName, "kiln.tar"));
            return kiln.ExitCode == 0 ? [$"kiln built a Dockerfile the reference rejects"]
                : mark.IsMatch(kiln.Log) ? []
                : [$"kiln failed without naming Dockerfile:{line}:\n{kiln.Log}"];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<ImmutableArray<string>> ImageDifferencesAsync(BuildCase buildCase, ReferenceOutcome reference)
    {
        Assert.True(reference.Succeeded, $"the reference failed on {buildCase.Name} (run scripts/setup.sh oracle if dockerd is down):\n{reference.Log}");
        var work = Directory.CreateTempSubdirectory("kiln-difftest-");
        try
        {
            var archive = Path.Combine(work.FullName, "kiln.tar");
            var kiln = await KilnBuild.RunAsync(buildCase, archive);
            if (kiln.ExitCode != 0)
            {
                return [$"kiln build failed ({kiln.ExitCode}):\n{kiln.Log}"];
            }

            var images = OciArchive.Read(archive);
            var differences = ImageComparer.Compare(OciArchive.Read(reference.Archive!), images, buildCase.PinsEpoch);
            try
            {
                await KilnImageChecks.VerifyAsync(archive, images, work.FullName);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or InvalidDataException or Kiln.Diagnostics.KilnException)
            {
                return differences.Add($"kiln's archive is rejected: {ex.Message}");
            }

            return differences;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
