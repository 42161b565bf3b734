using System.Collections;
using System.Text.Json.Nodes;
using Kiln.Cli.Commands;

namespace Kiln.DifferentialTests.Bake;

/// <summary>Every case of testdata/bake/print through <c>kiln bake --print</c> and <c>docker buildx bake --print</c>: same bytes, or both fail.</summary>
public class BakePrintDifferentialTests
{
    public static TheoryData<string> Cases() => [.. BakeCase.Names()];

    [Fact]
    public void ThereAreEnoughCases() => Assert.True(BakeCase.Names().Count() >= 80);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KilnPrintsWhatBuildxPrints(string name)
    {
        var c = BakeCase.Load(name);
        var (buildxExit, buildxOutput) = await BuildxBakeOracle.GetAsync(name);
        var (kilnExit, kilnOutput, kilnError) = await RunKilnAsync(c);
        if (buildxExit != 0)
        {
            Assert.True(kilnExit != 0, $"buildx failed but kiln printed:\n{kilnOutput}");
            Assert.Contains("KILN18", kilnError, StringComparison.Ordinal);
            return;
        }

        Assert.True(kilnExit == 0, $"kiln failed:\n{kilnError}");
        if (c.UnorderedGroups)
        {
            buildxOutput = SortGroups(buildxOutput);
            kilnOutput = SortGroups(kilnOutput);
        }

        Assert.Equal(buildxOutput, kilnOutput);
    }

    private static async Task<(int, string, string)> RunKilnAsync(BakeCase c)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = (string?)e.Value ?? "";
        }

        foreach (var (k, v) in c.Env)
        {
            env[k] = v;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit;
        try
        {
            var options = BakeCommandLine.Parse(["--print", .. c.Args]);
            exit = await BakeCommand.RunAsync(options, c.Directory, env, output, error, CancellationToken.None);
        }
        catch (Kiln.Diagnostics.KilnException ex)
        {
            error.Write(ex.ToString());
            exit = 1;
        }

        return (exit, output.ToString(), error.ToString());
    }

    // Member order of groups is random in buildx 0.13.1 for Compose services: compare sorted.
    private static string SortGroups(string json)
    {
        var root = JsonNode.Parse(json)!;
        if (root["group"] is JsonObject groups)
        {
            foreach (var (_, group) in groups)
            {
                var sorted = group!["targets"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
                group["targets"] = new JsonArray([.. sorted.Select(s => (JsonNode)s)]);
            }
        }

        return root.ToJsonString();
    }
}
