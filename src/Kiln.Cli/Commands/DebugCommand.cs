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
        var command = new Command("hash-context", "Walk and hash a build context, printing timings") { directory, cache, dockerfile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var total = Stopwatch.StartNew();
            var context = LocalContext.Open(LocalContext.DefaultName, parse.GetValue(directory)!, parse.GetValue(dockerfile));
            var cachePath = parse.GetValue(cache);
            using var statCache = cachePath is null ? null : StatCache.Open(cachePath);
            var reader = new MeasuringFileReader();
            var hasher = new ContextHasher(reader, statCache, TimeProvider.System);
            var snapshot = await hasher.HashAsync(context, cancellationToken).ConfigureAwait(false);
            var digest = snapshot.Digest;
            total.Stop();

            var files = snapshot.Entries.Count(e => e.Kind == ContextEntryKind.File);
            var bytes = snapshot.Entries.Where(e => e.Kind == ContextEntryKind.File).Sum(e => e.Stat.Size);
            var seconds = total.Elapsed.TotalSeconds;
            await output.WriteLineAsync($"digest {digest}").ConfigureAwait(false);
            await output.WriteLineAsync($"entries {snapshot.Entries.Length} files {files} bytes {bytes}").ConfigureAwait(false);
            await output.WriteLineAsync($"files-read {reader.Opened} bytes-read {reader.BytesRead}").ConfigureAwait(false);
            await output.WriteLineAsync($"seconds {seconds:F3} MB/s {bytes / 1e6 / seconds:F1}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
