using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// Asks the reference BuildKit (docker buildx 0.13 against the local dockerd) whether it accepts a Dockerfile,
/// offline: <c>--print=targets</c> parses every instruction; when that passes and the file has a FROM,
/// <c>--print=outline</c> also converts the stages, and a failure to resolve an image (no network) counts as
/// accepted. Verdicts are cached by content hash in testdata/dockerfile/reference-verdicts.tsv.
/// </summary>
internal sealed class ReferenceFrontend
{
    private const string DefaultCacheName = "dockerfile/reference-verdicts.tsv";
    private readonly Dictionary<string, (bool Accepted, string Message)> _cache = new(StringComparer.Ordinal);
    private readonly string _cacheName;

    /// <summary>Uses the verdict cache at testdata/<paramref name="cacheName"/>.</summary>
    public ReferenceFrontend(string cacheName = DefaultCacheName)
    {
        _cacheName = cacheName;
        var path = CachePath(forWrite: false);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var parts = line.Split('\t', 3);
                if (parts.Length == 3)
                {
                    _cache[parts[0]] = (parts[1] == "OK", parts[2]);
                }
            }
        }
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public async Task<(bool Accepted, string Message)> VerdictAsync(string text, CancellationToken cancellationToken)
    {
        var key = Hash(text);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var dir = Directory.CreateTempSubdirectory("kiln-dfref-");
        try
        {
            var file = Path.Combine(dir.FullName, "Dockerfile");
            await File.WriteAllTextAsync(file, text, cancellationToken);
            var context = Directory.CreateDirectory(Path.Combine(dir.FullName, "ctx")).FullName;
            var error = await RunTwiceAsync("targets", file, context, cancellationToken);
            var hasFrom = text.Split('\n').Any(l => l.TrimStart().StartsWith("from", StringComparison.OrdinalIgnoreCase));
            if (error is null && hasFrom)
            {
                error = await RunTwiceAsync("outline", file, context, cancellationToken);
                if (error is not null && (error.Contains("failed to resolve source metadata", StringComparison.Ordinal)
                    || error.Contains("failed to do request", StringComparison.Ordinal)))
                {
                    error = null;
                }
            }

            var verdict = (error is null, error ?? "");
            _cache[key] = verdict;
            await File.AppendAllTextAsync(
                CachePath(forWrite: true), $"{key}\t{(error is null ? "OK" : "ERROR")}\t{error?.Replace('\t', ' ')}\n", cancellationToken);
            return verdict;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs once more when the CLI failed without printing an error (a transient client failure).</summary>
    private static async Task<string?> RunTwiceAsync(string print, string file, string context, CancellationToken cancellationToken)
    {
        var error = await RunAsync(print, file, context, cancellationToken);
        return error is not null && error.StartsWith("exit code", StringComparison.Ordinal)
            ? await RunAsync(print, file, context, cancellationToken)
            : error;
    }

    private static async Task<string?> RunAsync(string print, string file, string context, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["BUILDX_EXPERIMENTAL"] = "1" },
        };
        foreach (var arg in new[] { "buildx", "build", $"--print={print}", "-f", file, context })
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
            var output = await stdout + await stderr;
            if (output.Contains("Cannot connect to the Docker daemon", StringComparison.Ordinal)
                || output.Contains("error reading from server", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("dockerd is not running: run scripts/setup.sh (test-env.sh oracle)");
            }

            if (process.ExitCode == 0)
            {
                return null;
            }

            var lines = output.Split('\n');
            if (lines.Any(l => l.Contains("failed to resolve source metadata", StringComparison.Ordinal)))
            {
                return "failed to resolve source metadata";
            }

            return lines.FirstOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal)) ?? $"exit code {process.ExitCode}";
        }
    }

    /// <summary>The cache next to the test binary, or in the source tree when writing new verdicts.</summary>
    private string CachePath(bool forWrite)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "testdata", _cacheName);
        if (!forWrite)
        {
            return output;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "testdata")))
        {
            dir = dir.Parent;
        }

        return dir is null ? output : Path.Combine(dir.FullName, "tests", "testdata", _cacheName);
    }
}
