using System.Diagnostics;

namespace Kiln.DifferentialTests.Build;

/// <summary>What an external program printed (both streams interleaved by stream, not by time) and returned.</summary>
internal sealed record ToolResult(int ExitCode, string Log);

/// <summary>Runs an external program (docker, umoci, skopeo); a missing program fails the test naming scripts/setup.sh.</summary>
internal static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"{program} is not installed ({ex.Message}): run scripts/setup.sh (the oracle step for docker)");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new ToolResult(process.ExitCode, await stdout + await stderr);
        }
    }

    public static async Task<string> OutputOfAsync(string program, params string[] arguments)
    {
        var result = await RunAsync(program, arguments, null, CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Log}");
        return result.Log;
    }
}
