using Kiln.Dockerfile.Stages;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// kiln accepts exactly the Dockerfiles the reference BuildKit accepts: the negative folder, the golden
/// folder and the edge cases in testdata/dockerfile/differential, each compared against a cached verdict of docker buildx.
/// </summary>
public class AcceptanceDifferentialTests
{
    /// <summary>Inputs the reference cannot judge offline or judges by an older rule, with the reason.</summary>
    private static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal)
    {
        ["parse/feature-directive-syntax"] = "a syntax directive makes the reference pull a frontend image (no network)",
        ["invalid/duplicate-syntax"] = "a syntax directive makes the reference pull a frontend image (no network)",
        ["parse/feature-directive-check"] = "the check directive exists from BuildKit 0.14; kiln follows 0.14+",
        ["differential/env-quoted-equals"] = "an unbalanced quote is an expansion error, found by the Shell step",
        ["differential/env-unterminated-quote-legacy"] = "an unbalanced quote is an expansion error, found by the Shell step",
        ["differential/volume-quoted-shell"] = "an unbalanced quote is an expansion error, found by the Shell step",
        ["differential/directive-syntax-after-escape-dup-check"] = "the check directive exists from BuildKit 0.14; kiln follows 0.14+",
        ["invalid/only-meta-args"] = "BuildKit 0.13 crashes the daemon on a Dockerfile with no stages",
    };

    private static readonly ReferenceFrontend Reference = new();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "parse", "invalid", "differential" })
        {
            var root = Path.Combine(AppContext.BaseDirectory, "testdata", "dockerfile", folder);
            foreach (var dir in Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "Dockerfile"))).Order(StringComparer.Ordinal))
            {
                var name = $"{folder}/{Path.GetFileName(dir)}";
                if (!Excluded.ContainsKey(name))
                {
                    data.Add(name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KilnAcceptsExactlyWhatTheReferenceAccepts(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "testdata", "dockerfile", name, "Dockerfile");
        var text = await File.ReadAllTextAsync(path);
        var (accepted, message) = await Reference.VerdictAsync(text, CancellationToken.None);
        var doc = DockerfileDocument.Load(text);
        var kilnErrors = string.Join("; ", doc.Diagnostics.Where(d => d.IsError));
        Assert.True(
            accepted == !doc.HasErrors,
            $"reference {(accepted ? "accepts" : $"rejects ({message})")}, kiln {(doc.HasErrors ? $"rejects ({kilnErrors})" : "accepts")}");
    }
}
