using System.Text.Json;
using Kiln.Tests.Dockerfile.Shell;

namespace Kiln.DifferentialTests.Shell;

/// <summary>
/// Builds one generated Dockerfile with the reference BuildKit and compares its image config (labels,
/// env, exposed ports) with kiln's expansion of the same words, and with words.txt's expectations.
/// </summary>
public class ShellExpansionDifferentialTests
{
    [Fact]
    public async Task KilnExpandsEveryProbeLikeTheReferenceBuildKit()
    {
        var table = ShellTable.Load("words.txt");
        var probe = ExpansionProbe.Create(table);
        Assert.True(probe.Rows.Length >= 200, $"only {probe.Rows.Length} rows fit the probe Dockerfile");

        string[] arguments =
        [
            "--platform", ExpansionProbe.TargetPlatform.ToString(),
            .. ExpansionProbe.BuildArgs.SelectMany(pair => new[] { "--build-arg", $"{pair.Key}={pair.Value}" }),
        ];
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var config = await ReferenceImageBuild.BuildConfigAsync(probe.Dockerfile, arguments, cancellation.Token);
        var root = config.RootElement.GetProperty("config");
        var labels = root.GetProperty("Labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        var mismatches = new List<string>();
        foreach (var (name, kilnValue) in probe.Labels)
        {
            var reference = labels.GetValueOrDefault(name);
            if (reference != kilnValue)
            {
                mismatches.Add($"{name}: reference {Show(reference)}, kiln {Show(kilnValue)}{RowOf(probe, name)}");
            }
        }

        for (var i = 0; i < probe.Rows.Length; i++)
        {
            var reference = labels.GetValueOrDefault("row." + i);
            if (reference != probe.Rows[i].Expected)
            {
                mismatches.Add($"table {probe.Rows[i]}: reference {Show(reference)}, table {Show(probe.Rows[i].Expected)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));

        var ports = root.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(probe.Ports, ports);

        var env = root.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("SHADOW=env", env);
        Assert.DoesNotContain(env, e => e.StartsWith("S1=", StringComparison.Ordinal));
    }

    private static string Show(string? value) => value is null ? "(missing)" : JsonSerializer.Serialize(value, ShellTableJson.Default.String);

    private static string RowOf(ExpansionProbe probe, string label) =>
        label.StartsWith("row.", StringComparison.Ordinal) ? $" [{probe.Rows[int.Parse(label[4..], System.Globalization.CultureInfo.InvariantCulture)]}]" : "";
}
