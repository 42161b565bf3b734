using Kiln.Dockerfile.Conversion;
using Kiln.Oci;
using Kiln.Tests.Dockerfile.Conversion;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// The golden conversion cases marked with a <c>reference</c> file, built once each by the reference BuildKit:
/// kiln's converted config (Env, Cmd, Entrypoint, WorkingDir, User, Labels, ExposedPorts, Volumes, StopSignal,
/// Healthcheck, Shell, OnBuild, ArgsEscaped, author) and history (created_by, empty_layer) equal the reference's.
/// </summary>
public class ConversionConfigTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "testdata", "dockerfile", "convert");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).Where(d => File.Exists(Path.Combine(d, "reference"))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void AtLeastTenCasesAreComparedWithTheReference() => Assert.True(Cases().Count >= 10);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ConfigAndHistoryMatchTheReference(string name)
    {
        var testCase = ConversionCase.Load(Path.Combine(Root, name));
        var result = await DockerfileConverter.ConvertAsync(testCase.ToRequest(OciLayoutImageConfigs.Provider), CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        var reference = await ReferenceOciBuild.BuildConfigsAsync(testCase.Directory, testCase.CommandLine(), CancellationToken.None);
        Assert.Equal(reference.Count, result.Platforms.Length);
        for (var i = 0; i < reference.Count; i++)
        {
            var expected = ConversionSnapshot.Image(ImageConfig.Parse(reference[i], name));
            Assert.Equal(expected, ConversionSnapshot.Image(result.Platforms[i].Config));
        }
    }
}
