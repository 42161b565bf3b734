using Kiln.Cli;

namespace Kiln.DifferentialTests.Build;

/// <summary>What one in-process <c>kiln build</c> returned and printed.</summary>
internal sealed record KilnBuildResult(int ExitCode, string Log);

/// <summary>
/// Runs kiln's real command line in-process, exactly as Main does:
/// <c>kiln build --output type=oci,dest=ARCHIVE [case flags] CASE_DIR</c>.
/// </summary>
internal static class KilnBuild
{
    /// <summary>One fresh kiln root per test run: results cached by an older kiln never stand in for this one's.</summary>
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "kiln-differential-root", Guid.NewGuid().ToString("N"));

    public static async Task<KilnBuildResult> RunAsync(BuildCase buildCase, string archive)
    {
        // The case's environment is what "--build-arg NAME" (no value) reads; each case uses its own variable names.
        foreach (var (name, value) in buildCase.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] arguments = ["build", "--output", $"type=oci,dest={archive}", .. buildCase.Arguments, buildCase.Directory];
        var code = await KilnCommandLine.RunAsync(arguments, output, error, name => name == "KILN_ROOT" ? Root : null, CancellationToken.None);
        return new KilnBuildResult(code, $"kiln {string.Join(' ', arguments)}\nstdout:\n{output}\nstderr:\n{error}");
    }
}
