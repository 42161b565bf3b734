using System.Collections.Immutable;
using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Conversion;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.Build;

/// <summary>
/// The single entry point from a Dockerfile to built images: converts the Dockerfile for every target platform,
/// solves all platforms' graphs in one scheduler (shared stages run once), and returns each platform's root
/// snapshot with its image config. Exporting the result is the caller's next step.
/// </summary>
internal sealed class Builder(BuildServices services)
{
    private readonly BaseImageConfigs configs = new(services.Images, services.Registry, services.Store);

    public async Task<SolvedBuild> SolveAsync(BuildRequest request, IProgressSink progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (contexts, directories) = NamedContexts.Resolve(request.NamedContexts, Environment.CurrentDirectory);
        var main = LocalContext.Open(LocalContext.DefaultName, request.ContextDirectory, request.DockerfilePath);
        var conversion = await DockerfileConverter.ConvertAsync(
            new ConversionRequest(request.Dockerfile, configs.GetAsync)
            {
                FileName = request.DockerfileName,
                BuildArgs = request.BuildArgs,
                Target = request.Target,
                TargetPlatforms = request.Platforms,
                BuildPlatform = Platform.Current.Normalize(),
                NamedContexts = contexts,
                Labels = request.Labels,
                ContextExcludes = [.. main.Ignore.Patterns.Select(p => p.ToString())],
                ContextName = LocalContext.DefaultName,
                Labs = request.Labs,
            },
            cancellationToken).ConfigureAwait(false);
        if (conversion.HasErrors)
        {
            throw new KilnException([.. conversion.Diagnostics.Where(d => d.IsError)]);
        }

        var sources = directories.SetItem(LocalContext.DefaultName, main.Directory);
        using var scheduler = new Scheduler(
            BuildRunners.Compose(services, sources, request.Session),
            new SqliteCacheStore(services.Database),
            BuildRunners.Inspector(services),
            progress,
            TimeProvider.System);
        var roots = conversion.Platforms.Where(p => p.Root is not null).Select(p => new Edge(p.Root!)).ToImmutableArray();
        var solved = roots.IsEmpty
            ? []
            : await scheduler.SolveAsync(roots, request.Cache, cancellationToken).ConfigureAwait(false);
        var platforms = ImmutableArray.CreateBuilder<SolvedPlatform>();
        var next = 0;
        foreach (var platform in conversion.Platforms)
        {
            var snapshot = platform.Root is null ? null : solved[next++].Result.Id;
            platforms.Add(new SolvedPlatform(platform.Platform, snapshot, platform.Config));
        }

        return new SolvedBuild(platforms.ToImmutable(), [.. conversion.Diagnostics.Where(d => !d.IsError)]);
    }
}
