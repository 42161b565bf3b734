using Kiln.Build;
using Kiln.Cli.Progress;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Progress;

namespace Kiln.Cli.Building;

/// <summary>
/// Runs one build from its flags: request, solve with live progress, export, then the id and metadata files.
/// Errors print once, with the Dockerfile snippet when they point into it; the exit code is 1.
/// </summary>
internal sealed class BuildInvocation(KilnPaths paths, string workingDirectory, Func<string, string?> getEnvironmentVariable, TextReader input, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(BuildFlags flags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flags);
        BuildRequest? request = null;
        try
        {
            request = await BuildRequests.CreateAsync(flags, workingDirectory, getEnvironmentVariable, input, cancellationToken).ConfigureAwait(false);
            var mode = ProgressModes.Resolve(flags.Quiet ? "quiet" : flags.Progress, getEnvironmentVariable);
            var services = await BuildServices.OpenAsync(paths, CliEnvironment.CreateRegistryClient(), getEnvironmentVariable, cancellationToken).ConfigureAwait(false);
            var sink = new ChannelProgressSink();
            var pump = ProgressPump.RunAsync(sink, ProgressPump.CreateRenderer(mode, error));
            SolvedBuild solved;
            try
            {
                solved = await new Builder(services).SolveAsync(request, sink, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                sink.Complete();
                await pump.ConfigureAwait(false);
            }

            foreach (var warning in solved.Warnings)
            {
                await error.WriteAsync(DiagnosticRenderer.Render(warning, request.Dockerfile)).ConfigureAwait(false);
            }

            return await ExportAsync(flags, solved, cancellationToken).ConfigureAwait(false);
        }
        catch (KilnException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                var source = request is not null && diagnostic.Span?.File == request.DockerfileName ? request.Dockerfile : null;
                await error.WriteAsync(DiagnosticRenderer.Render(diagnostic, source)).ConfigureAwait(false);
            }

            return 1;
        }
    }

    private async Task<int> ExportAsync(BuildFlags flags, SolvedBuild solved, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = (solved, output);
        if (flags.Outputs.IsEmpty && flags.Tags.IsEmpty && !flags.Push && !flags.Load)
        {
            await error.WriteLineAsync(
                "WARNING: No output specified. Build result will only remain in kiln's build cache. "
                + "To push result image into registry use --push, to write it to a file use --output type=oci,dest=FILE").ConfigureAwait(false);
            return 0;
        }

        throw new KilnException(ErrorCodes.NotSupported, "build outputs are not available yet");
    }
}
