using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Exec.Runtime;

/// <summary>
/// The runc (or crun) command line under kiln's own <c>--root</c>: run a bundle in the foreground with its output
/// streamed, kill, delete and list. Runtime errors are read from a JSON log file, apart from the process's output.
/// </summary>
internal sealed class OciRuntime(RuntimeOptions options)
{
    private static readonly TimeSpan KillRetry = TimeSpan.FromMilliseconds(100);

    public RuntimeOptions Options { get; } = options;

    /// <summary>
    /// Runs the container in the foreground and returns the exit code of its process. On cancellation the
    /// container is killed (SIGKILL to its init, which takes the whole pid namespace with it) and deleted
    /// before <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public async Task<ExitStatus> RunAsync(string id, string bundle, Action<LogLine>? output, CancellationToken cancellationToken)
    {
        var log = Path.Combine(bundle, "runtime.log");
        var start = Start(["--log", log, "--log-format", "json", "run", "--bundle", bundle, id], redirectInput: true);
        using var process = StartProcess(start);
        process.StandardInput.Close();
        var stdout = OutputPump.PumpAsync(process.StandardOutput.BaseStream, LogLine.Stdout, output);
        var stderr = OutputPump.PumpAsync(process.StandardError.BaseStream, LogLine.Stderr, output);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The container may not exist yet while runc sets it up: keep killing until runc returns.
            while (!exited.IsCompleted)
            {
                await KillAsync(id, "KILL").ConfigureAwait(false);
                await Task.WhenAny(exited, Task.Delay(KillRetry, CancellationToken.None)).ConfigureAwait(false);
            }

            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            await DeleteAsync(id).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        var code = process.ExitCode;
        if (code != 0 && RuntimeLog.ReadErrors(log) is { Length: > 0 } errors)
        {
            throw new KilnException(ErrorCodes.RuntimeFailed, $"{Path.GetFileName(Options.Binary)} run failed: {errors}");
        }

        return new ExitStatus(code);
    }

    /// <summary>Sends a signal to the container's init; a container that is gone is not an error.</summary>
    public async Task KillAsync(string id, string signal) => await InvokeAsync(["kill", id, signal]).ConfigureAwait(false);

    /// <summary>Deletes the container, killing it first if it still runs; a container that is gone is not an error.</summary>
    public async Task DeleteAsync(string id) => await InvokeAsync(["delete", "--force", id]).ConfigureAwait(false);

    public async Task<ImmutableArray<ContainerState>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Options.StateRoot))
        {
            return [];
        }

        var (code, output, error) = await InvokeAsync(["list", "--format", "json"], cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new KilnException(ErrorCodes.RuntimeFailed, $"{Options.Binary} list failed: {error.Trim()}");
        }

        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "null" : output);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var states = ImmutableArray.CreateBuilder<ContainerState>();
        foreach (var row in document.RootElement.EnumerateArray())
        {
            states.Add(new ContainerState(
                row.GetProperty("id").GetString() ?? "",
                row.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : 0,
                row.TryGetProperty("status", out var status) ? status.GetString() ?? "" : "",
                row.TryGetProperty("bundle", out var bundle) ? bundle.GetString() ?? "" : ""));
        }

        return states.ToImmutable();
    }

    private async Task<(int Code, string Output, string Error)> InvokeAsync(
        string[] args, CancellationToken cancellationToken = default)
    {
        using var process = StartProcess(Start(args, redirectInput: false));
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    private ProcessStartInfo Start(IEnumerable<string> args, bool redirectInput)
    {
        var start = new ProcessStartInfo(Options.Binary)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--root");
        start.ArgumentList.Add(Options.StateRoot);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new KilnException(ErrorCodes.RuntimeNotFound, $"could not start {Options.Binary}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KilnException(ErrorCodes.RuntimeNotFound, $"could not start {Options.Binary}: {e.Message}; run scripts/setup.sh", inner: e);
        }
    }
}
