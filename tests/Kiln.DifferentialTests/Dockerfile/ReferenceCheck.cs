using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// Runs the reference's build checks (<c>docker buildx build --call=check</c>, buildx 0.15+) and reads the
/// warnings as "Rule:line". buildx 0.13 has no check call: <see cref="SupportsCheckAsync"/> says so.
/// </summary>
internal static partial class ReferenceCheck
{
    private static readonly Lazy<Task<bool>> Supported = new(DetectAsync);

    public static Task<bool> SupportsCheckAsync() => Supported.Value;

    /// <summary>The warnings, or null when the reference could not check the file offline (base image resolution).</summary>
    public static async Task<ImmutableArray<string>?> WarningsAsync(string text, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("kiln-checkref-");
        try
        {
            var file = Path.Combine(dir.FullName, "Dockerfile");
            await File.WriteAllTextAsync(file, text, cancellationToken);
            var output = await RunAsync(["buildx", "build", "--call=check", "-f", file, dir.FullName], cancellationToken);
            if (output.Contains("failed to resolve source metadata", StringComparison.Ordinal)
                || output.Contains("failed to do request", StringComparison.Ordinal))
            {
                return null;
            }

            var warnings = ImmutableArray.CreateBuilder<string>();
            string? rule = null;
            foreach (var line in output.Split('\n'))
            {
                if (WarningRegex().Match(line) is { Success: true } warning)
                {
                    rule = warning.Groups[1].Value;
                }
                else if (rule is not null && LocationRegex().Match(line) is { Success: true } location)
                {
                    warnings.Add($"{rule}:{location.Groups[1].Value}");
                    rule = null;
                }
            }

            return warnings.ToImmutable();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<bool> DetectAsync()
    {
        var help = await RunAsync(["buildx", "build", "--help"], CancellationToken.None);
        return help.Contains("--call", StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("docker did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("docker is not installed: run scripts/setup.sh (test-env.sh oracle)", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return await stdout + await stderr;
        }
    }

    [GeneratedRegex(@"^WARNING: (\w+)(?: - |$)")]
    private static partial Regex WarningRegex();

    [GeneratedRegex(@"^Dockerfile:(\d+)$")]
    private static partial Regex LocationRegex();
}
