namespace Kiln.DifferentialTests.Bake.Hcl;

/// <summary>Each bake file in testdata/hcl/differential: every arg of target "t" must evaluate in kiln as in buildx.</summary>
public class HclFileDifferentialTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine("testdata", "hcl", "differential"), "*.hcl").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ArgsMatchBuildx(string name)
    {
        var source = await File.ReadAllTextAsync(Path.Combine("testdata", "hcl", "differential", name));
        var buildx = await BakeOracle.BuildxArgsAsync(source);
        var kiln = BakeOracle.KilnArgs(source);
        Assert.Equal(buildx.Keys.Order(), kiln.Keys.Order());
        var problems = buildx.Where(kv => kiln[kv.Key] != kv.Value).Select(kv => $"{kv.Key}: kiln {Show(kiln[kv.Key])}, buildx {Show(kv.Value)}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Show(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
