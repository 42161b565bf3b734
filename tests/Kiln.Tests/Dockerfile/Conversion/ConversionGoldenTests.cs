using Kiln.Dockerfile.Conversion;

namespace Kiln.Tests.Dockerfile.Conversion;

/// <summary>
/// Every folder of testdata/dockerfile/convert converts to exactly its expected.json (config, history, progress
/// names, unused build args, error codes). KILN_UPDATE_GOLDEN=1 rewrites the files.
/// </summary>
public class ConversionGoldenTests
{
    private const string Folder = "dockerfile/convert";

    public static TheoryData<string> Cases() => [.. TestData.Cases(Folder)];

    [Fact]
    public void ThereAreAtLeastThirtyCases() => Assert.True(TestData.Cases(Folder).Count() >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ConvertsToTheGoldenConfig(string name)
    {
        var dir = Path.Combine(TestData.UpdateGolden ? TestData.SourceDir(Folder) : TestData.OutputDir(Folder), name);
        var testCase = ConversionCase.Load(dir);
        var result = await DockerfileConverter.ConvertAsync(testCase.ToRequest(new FakeImageConfigs().Provider), CancellationToken.None);
        var actual = ConversionSnapshot.Write(result);
        var expectedPath = Path.Combine(dir, "expected.json");
        if (TestData.UpdateGolden)
        {
            await File.WriteAllTextAsync(expectedPath, actual);
            return;
        }

        Assert.Equal(await File.ReadAllTextAsync(expectedPath), actual);
    }
}
