using System.Diagnostics;

namespace Kiln.IntegrationTests.Infrastructure;

/// <summary>What an external program printed and returned.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error);

/// <summary>Runs an independent client (skopeo, umoci, docker) that must accept kiln's output; a missing tool fails the test.</summary>
internal static class ExternalTool
{
    public static async Task<ToolRun> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{program} is not installed ({e.Message}); run scripts/setup.sh");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new ToolRun(process.ExitCode, await stdout, await stderr);
        }
    }

    public static async Task<string> OutputOfAsync(string program, params string[] args)
    {
        var run = await RunAsync(program, args);
        Assert.True(run.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {run.ExitCode}: {run.Error}");
        return run.Output;
    }
}
