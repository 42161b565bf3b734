using System.Collections.Immutable;
using Kiln.Build;
using Kiln.Cli.Progress;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Export.Assembly;
using Kiln.Export.Load;
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
        return RunAsync([new NamedBuild("", flags)], flags.Progress, flags.Quiet, null, cancellationToken);
    }

    /// <param name="builds">The builds; one unnamed for kiln build, one per target for bake.</param>
    /// <param name="progressFlag">--progress.</param>
    /// <param name="quiet">--quiet: no progress, the image id printed.</param>
    /// <param name="bakeMetadataFile">bake's --metadata-file (keyed by target); kiln build's is in its flags.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public async Task<int> RunAsync(
        ImmutableArray<NamedBuild> builds, string? progressFlag, bool quiet, string? bakeMetadataFile, CancellationToken cancellationToken)
    {
        var requests = new List<BuildRequest>();
        try
        {
            var exports = new List<ExportRequest>();
            foreach (var build in builds)
            {
                var request = await BuildRequests.CreateAsync(build, workingDirectory, getEnvironmentVariable, input, cancellationToken).ConfigureAwait(false);
                requests.Add(request);
                exports.Add(new ExportRequest([], BuildOutputs.Parse(build.Flags))
                {
                    Tags = build.Flags.Tags,
                    SourceDateEpoch = BuildOutputs.SourceDateEpoch(request.BuildArgs, getEnvironmentVariable),
                    Annotations = BuildOutputs.Annotations(build.Flags),
                    OpenStandardOutput = OpenStandardOutput,
                });
            }

            // The store is opened only once every flag has been read, so a typo costs nothing.
            var services = await BuildServices.OpenAsync(paths, CliEnvironment.CreateRegistryClient(), getEnvironmentVariable, cancellationToken).ConfigureAwait(false);
            var publisher = Publisher ?? new RegistryPublisher(services.Registry, services.Store, services.Origins, DockerLoader.FromEnvironment);

            foreach (var flag in builds.SelectMany(b => b.Flags.Ignored).Distinct())
            {
                await error.WriteLineAsync($"WARNING: {flag} is not supported by kiln yet and is ignored").ConfigureAwait(false);
            }

            var mode = ProgressModes.Resolve(quiet ? "quiet" : progressFlag, getEnvironmentVariable);
            var sink = new ChannelProgressSink();
            var pump = ProgressPump.RunAsync(sink, ProgressPump.CreateRenderer(mode, error));
            ImmutableArray<SolvedBuild> solved;
            ExportResult[] results;
            try
            {
                solved = await new Builder(services).SolveAsync([.. requests], sink, cancellationToken).ConfigureAwait(false);
                var pipeline = new ExportPipeline(services.Snapshotter, services.Paths, services.Store, TimeProvider.System);
                results = await Task.WhenAll(solved.Select((build, i) => pipeline.ExportAsync(
                    exports[i] with
                    {
                        Images = [.. build.Platforms.Select(p => new ImageInput(p.Platform, p.Snapshot, p.Config) { BaseConfig = p.BaseConfig })],
                        Publisher = publisher,
                    },
                    sink,
                    cancellationToken))).ConfigureAwait(false);
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

            await BuildResultFiles.WriteAsync(builds, results, bakeMetadataFile, cancellationToken).ConfigureAwait(false);
            if (results.All(r => r.Outputs.IsEmpty))
            {
                await error.WriteLineAsync(
                    "WARNING: No output specified. Build result will only remain in kiln's build cache. "
                    + "To push result image into registry use --push, to keep it in kiln's image store use -t NAME, "
                    + "to write it to a file use --output type=oci,dest=FILE").ConfigureAwait(false);
            }

            if (quiet && results.Length == 1 && results[0].Root is { } root)
            {
                await output.WriteLineAsync(root.Digest.ToString()).ConfigureAwait(false);
            }

            return 0;
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

    /// <summary>Where <c>dest=-</c> outputs write; the process's standard output unless a host replaces it.</summary>
    public Func<Stream>? OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>Pushes and loads for image outputs; null makes them fail with an explanation.</summary>
    public IImagePublisher? Publisher { get; init; }
}
