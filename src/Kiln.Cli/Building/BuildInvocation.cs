using System.Collections.Immutable;
using Kiln.Build;
using Kiln.Cli.Progress;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Progress;

namespace Kiln.Cli.Building;

/// <summary>
/// Runs the builds of one command — <c>kiln build</c>'s one, or every bake target — through one <see cref="Builder"/>
/// solve with live progress, then exports each and writes the id and metadata files. Errors print once, with the
/// Dockerfile snippet when they point into it; the exit code is then 1.
/// </summary>
internal sealed class BuildInvocation(KilnPaths paths, string workingDirectory, Func<string, string?> getEnvironmentVariable, TextReader input, TextWriter output, TextWriter error)
{
    public Task<int> RunAsync(BuildFlags flags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return RunAsync([new NamedBuild("", flags)], flags.Progress, flags.Quiet, cancellationToken);
    }

    public async Task<int> RunAsync(ImmutableArray<NamedBuild> builds, string? progressFlag, bool quiet, CancellationToken cancellationToken)
    {
        var requests = new List<BuildRequest>();
        try
        {
            foreach (var build in builds)
            {
                requests.Add(await BuildRequests.CreateAsync(build, workingDirectory, getEnvironmentVariable, input, cancellationToken).ConfigureAwait(false));
            }

            var mode = ProgressModes.Resolve(quiet ? "quiet" : progressFlag, getEnvironmentVariable);
            var services = await BuildServices.OpenAsync(paths, CliEnvironment.CreateRegistryClient(), getEnvironmentVariable, cancellationToken).ConfigureAwait(false);
            var sink = new ChannelProgressSink();
            var pump = ProgressPump.RunAsync(sink, ProgressPump.CreateRenderer(mode, error));
            ImmutableArray<SolvedBuild> solved;
            try
            {
                solved = await new Builder(services).SolveAsync([.. requests], sink, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                sink.Complete();
                await pump.ConfigureAwait(false);
            }

            for (var i = 0; i < solved.Length; i++)
            {
                foreach (var warning in solved[i].Warnings)
                {
                    await error.WriteAsync(DiagnosticRenderer.Render(warning, requests[i].Dockerfile)).ConfigureAwait(false);
                }
            }

            return await ExportAsync(builds, solved, cancellationToken).ConfigureAwait(false);
        }
        catch (KilnException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                var source = requests.FirstOrDefault(r => diagnostic.Span?.File == r.DockerfileName)?.Dockerfile;
                await error.WriteAsync(DiagnosticRenderer.Render(diagnostic, source)).ConfigureAwait(false);
            }

            return 1;
        }
    }

    private async Task<int> ExportAsync(ImmutableArray<NamedBuild> builds, ImmutableArray<SolvedBuild> solved, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = (solved, output);
        if (builds.All(b => b.Flags.Outputs.IsEmpty && b.Flags.Tags.IsEmpty && !b.Flags.Push && !b.Flags.Load))
        {
            await error.WriteLineAsync(
                "WARNING: No output specified. Build result will only remain in kiln's build cache. "
                + "To push result image into registry use --push, to write it to a file use --output type=oci,dest=FILE").ConfigureAwait(false);
            return 0;
        }

        throw new KilnException(ErrorCodes.NotSupported, "build outputs are not available yet");
    }
}
