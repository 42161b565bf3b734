using System.CommandLine;
using System.Diagnostics;
using Kiln.Context;

namespace Kiln.Cli.Commands;

/// <summary>`kiln debug`: hidden developer commands, such as hashing a build context for benchmarks.</summary>
internal static class DebugCommand
{
    public static Command Create()
    {
        var command = new Command("debug", "Developer tools") { Hidden = true };
        command.Subcommands.Add(CreateHashContext());
        return command;
    }

    private static Command CreateHashContext()
    {
        var directory = new Argument<string>("DIR") { Description = "Context directory" };
        var cache = new Option<string?>("--stat-cache") { Description = "SQLite stat-cache file to use" };
        var dockerfile = new Option<string?>("--file", "-f") { Description = "Dockerfile, for its own .dockerignore" };
        var repeat = new Option<int>("--repeat") { Description = "Hash this many times in one process (later runs are JIT-warm)", DefaultValueFactory = _ => 1 };
        var command = new Command("hash-context", "Walk and hash a build context, printing timings") { directory, cache, dockerfile, repeat };
        command.SetAction(async (parse, cancellationToken) =>
        {
            for (var run = 0; run < Math.Max(1, parse.GetValue(repeat)); run++)
            {
                await HashOnceAsync(parse.InvocationConfiguration.Output, parse.GetValue(directory)!, parse.GetValue(cache), parse.GetValue(dockerfile), cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static async Task HashOnceAsync(TextWriter output, string directory, string? cachePath, string? dockerfile, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var context = LocalContext.Open(LocalContext.DefaultName, directory, dockerfile);
        using var statCache = cachePath is null ? null : StatCache.Open(cachePath);
        var reader = new MeasuringFileReader();
        var hasher = new ContextHasher(reader, statCache, TimeProvider.System);
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var walked = ContextWalker.Walk(context, cancellationToken);
        process.Refresh();
        var walkCpu = process.TotalProcessorTime;
        var snapshot = await hasher.HashAsync(context, walked, cancellationToken).ConfigureAwait(false);
        process.Refresh();
        var hashCpu = process.TotalProcessorTime;
        var digest = snapshot.Digest;
        process.Refresh();
        var digestCpu = process.TotalProcessorTime;
        total.Stop();

        var files = snapshot.Entries.Where(e => e.Kind == ContextEntryKind.File).ToList();
        var bytes = files.Sum(e => e.Stat.Size);
        var seconds = total.Elapsed.TotalSeconds;
        await output.WriteLineAsync($"digest {digest}").ConfigureAwait(false);
        await output.WriteLineAsync($"entries {snapshot.Entries.Length} files {files.Count} bytes {bytes}").ConfigureAwait(false);
        await output.WriteLineAsync($"files-read {reader.Opened} bytes-read {reader.BytesRead}").ConfigureAwait(false);
        await output.WriteLineAsync(
            $"cpu-seconds startup {cpuStart.TotalSeconds:F3} walk {(walkCpu - cpuStart).TotalSeconds:F3} hash {(hashCpu - walkCpu).TotalSeconds:F3} digest {(digestCpu - hashCpu).TotalSeconds:F3}").ConfigureAwait(false);
        await output.WriteLineAsync($"seconds {seconds:F3} MB/s {bytes / 1e6 / seconds:F1}").ConfigureAwait(false);
    }
}
