using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.DifferentialTests.Bake;

/// <summary>
/// Runs <c>docker buildx bake --print</c> for every case once, four at a time, caching each result under
/// /tmp/kiln-bake-oracle by a hash of the case's files, args, env: reruns cost nothing.
/// </summary>
public static class BuildxBakeOracle
{
    private static readonly string CacheDirectory = Path.Combine(Path.GetTempPath(), "kiln-bake-oracle");
    private static readonly Lazy<Task<ConcurrentDictionary<string, (int ExitCode, string Output)>>> All = new(RunAllAsync);

    public static async Task<(int ExitCode, string Output)> GetAsync(string caseName) => (await All.Value)[caseName];

    private static async Task<ConcurrentDictionary<string, (int, string)>> RunAllAsync()
    {
        Directory.CreateDirectory(CacheDirectory);
        var results = new ConcurrentDictionary<string, (int, string)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(BakeCase.Names(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (name, ct) =>
        {
            results[name] = await RunCachedAsync(BakeCase.Load(name), ct);
        });
        return results;
    }

    private static async Task<(int, string)> RunCachedAsync(BakeCase c, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("buildx-0.13.1\n" + c.Fingerprint())));
        var cached = Path.Combine(CacheDirectory, key);
        if (File.Exists(cached))
        {
            var text = await File.ReadAllTextAsync(cached, cancellationToken);
            var newline = text.IndexOf('\n');
            return (int.Parse(text[..newline], System.Globalization.CultureInfo.InvariantCulture), text[(newline + 1)..]);
        }

        var result = await RunAsync(c, cancellationToken);
        await File.WriteAllTextAsync(cached + ".tmp", $"{result.Item1}\n{result.Item2}", cancellationToken);
        File.Move(cached + ".tmp", cached, overwrite: true);
        return result;
    }

    private static async Task<(int, string)> RunAsync(BakeCase c, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker") { WorkingDirectory = c.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "buildx", "bake", "--print" }.Concat(c.Args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (k, v) in c.Env)
        {
            start.Environment[k] = v;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("docker is not installed: run scripts/setup.sh to install docker and buildx 0.13", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var error = await stderr;
            if (error.Contains("is not a docker command", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("docker buildx is missing: run scripts/setup.sh");
            }

            return (process.ExitCode, await stdout);
        }
    }
}
