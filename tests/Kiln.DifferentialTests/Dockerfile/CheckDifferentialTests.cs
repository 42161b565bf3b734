using Kiln.Dockerfile.Checks;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// The build-check table (testdata/dockerfile/checks/rules.txt) against the reference. With a buildx that has
/// the check call (0.15+), kiln must report the same rules on the same lines. buildx 0.13, installed here,
/// has no check call: then kiln's check must fail exactly for the Dockerfiles the reference frontend rejects,
/// and the rule expectations rest on the table built from BuildKit's own linter tests.
/// </summary>
public class CheckDifferentialTests
{
    private static readonly ReferenceFrontend Reference = new("dockerfile/checks/reference-verdicts.tsv");

    private static string TablePath => Path.Combine(AppContext.BaseDirectory, "testdata", "dockerfile", "checks", "rules.txt");

    /// <summary>The rows without options: the reference cannot take build args, targets or ignore files through this harness.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, options) in Rows())
        {
            if (options.Length == 0)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KilnAgreesWithTheReference(string name)
    {
        var text = Rows().Single(r => r.Name == name).Dockerfile;
        var kiln = DockerfileChecker.Check(text);
        if (await ReferenceCheck.SupportsCheckAsync() && await ReferenceCheck.WarningsAsync(text, CancellationToken.None) is { } expected)
        {
            var actual = kiln.Warnings.Select(w => $"{w.RuleName}:{w.Span.Start.Line}");
            Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
            return;
        }

        var (accepted, message) = await Reference.VerdictAsync(text, CancellationToken.None);
        var errors = string.Join("; ", kiln.Errors);
        Assert.True(
            accepted == !kiln.Failed,
            $"reference {(accepted ? "accepts" : $"rejects ({message})")}, kiln check {(kiln.Failed ? $"fails ({errors})" : "passes")}");
    }

    /// <summary>Dockerfiles the check call must stop on, as the reference frontend does.</summary>
    [Theory]
    [InlineData("ARG IMAGE\nFROM ${IMAGE}\n")]
    [InlineData("ARG TAG\nFROM busybox:${TAG}\n")]
    [InlineData("FROM busybox:Latest:x\n")]
    [InlineData("FROM --platform=$NOPE busybox\n")]
    [InlineData("FROM --platform=linux/amd64/v3/x busybox\n")]
    [InlineData("FROM scratch\nWORKDIR ${X:?required}\n")]
    public async Task KilnFailsWhereTheReferenceFails(string text)
    {
        var kiln = DockerfileChecker.Check(text);
        var (accepted, message) = await Reference.VerdictAsync(text, CancellationToken.None);
        Assert.True(kiln.Failed, "kiln check passes");
        Assert.False(accepted, $"reference accepts: {message}");
    }

    private static IEnumerable<(string Name, string Dockerfile, string Options)> Rows()
    {
        string? header = null;
        var body = new List<string>();
        foreach (var line in File.ReadAllLines(TablePath).Append("=== end"))
        {
            if (!line.StartsWith("=== ", StringComparison.Ordinal))
            {
                body.Add(line);
                continue;
            }

            if (header is not null)
            {
                var parts = header.Split('|', StringSplitOptions.TrimEntries);
                yield return (parts[0], string.Join('\n', body) + "\n", parts.Length > 2 ? parts[2] : "");
            }

            header = line[4..];
            body.Clear();
        }
    }
}
