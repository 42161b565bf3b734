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
/// The single entry point from Dockerfiles to built images, for <c>kiln build</c> (one request) and <c>kiln bake</c>
/// (one request per target): converts every request for its platforms, then solves all of them in ONE scheduler, so
/// work that two platforms or two targets share runs once and independent work runs in parallel. Returns each
/// platform's root snapshot with its image config; exporting is the caller's next step.
/// </summary>
internal sealed class Builder(BuildServices services)
{
    public async Task<SolvedBuild> SolveAsync(BuildRequest request, IProgressSink progress, CancellationToken cancellationToken) =>
        (await SolveAsync([request], progress, cancellationToken).ConfigureAwait(false))[0];

    public async Task<ImmutableArray<SolvedBuild>> SolveAsync(
        ImmutableArray<BuildRequest> requests, IProgressSink progress, CancellationToken cancellationToken)
    {
        var sources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var converted = new Dictionary<string, ConversionResult>(StringComparer.Ordinal);
        var conversions = new List<ConversionResult>();
        var steps = new InternalSteps(progress, TimeProvider.System);
        foreach (var request in requests)
        {
            conversions.Add(await ConvertAsync(request, requests, converted, [], sources, steps, cancellationToken).ConfigureAwait(false));
        }

        using var scheduler = new Scheduler(
            BuildRunners.Compose(services, sources.ToImmutable(), ExecSessions.Merge(requests.Select(r => r.Session))),
            new SqliteCacheStore(services.Database),
            BuildRunners.Inspector(services),
            progress,
            TimeProvider.System);
        var solves = requests.Select((request, i) => SolveAsync(scheduler, request, conversions[i], cancellationToken)).ToList();
        return [.. await Task.WhenAll(solves).ConfigureAwait(false)];
    }

    private static async Task<SolvedBuild> SolveAsync(
        Scheduler scheduler, BuildRequest request, ConversionResult conversion, CancellationToken cancellationToken)
    {
        var roots = conversion.Platforms.Where(p => p.Root is not null).Select(p => new Edge(p.Root!)).ToImmutableArray();
        var solved = roots.IsEmpty
            ? []
            : await scheduler.SolveAsync(roots, request.Cache, cancellationToken).ConfigureAwait(false);
        var platforms = ImmutableArray.CreateBuilder<SolvedPlatform>();
        var next = 0;
        foreach (var platform in conversion.Platforms)
        {
            var snapshot = platform.Root is null ? null : solved[next++].Result.Id;
            platforms.Add(new SolvedPlatform(platform.Platform, snapshot, platform.Config) { BaseConfig = platform.BaseConfig });
        }

        return new SolvedBuild(platforms.ToImmutable(), [.. conversion.Diagnostics.Where(d => !d.IsError)]);
    }

    /// <summary>
    /// Converts one request. Its local directories join <paramref name="sources"/>; a directory gets its own source
    /// name, so two targets with different contexts never share a local-source vertex (the first main context is
    /// "context", as for a single build, so their cache keys agree).
    /// </summary>
    /// <remarks>
    /// A <c>target:NAME</c> context converts that request first (once; <paramref name="converting"/> catches cycles)
    /// and hands its graph and config to this one, so the solve builds it as part of this request.
    /// </remarks>
    private async Task<ConversionResult> ConvertAsync(
        BuildRequest request,
        ImmutableArray<BuildRequest> all,
        Dictionary<string, ConversionResult> converted,
        ImmutableList<string> converting,
        ImmutableDictionary<string, string>.Builder sources,
        InternalSteps steps,
        CancellationToken cancellationToken)
    {
        if (request.Name.Length > 0 && converted.TryGetValue(request.Name, out var done))
        {
            return done;
        }

        var (contexts, directories, layouts, targets) = NamedContexts.Resolve(request.NamedContexts, request.WorkingDirectory);
        foreach (var (name, target) in targets)
        {
            var dependency = all.FirstOrDefault(r => r.Name == target)
                ?? throw new KilnException(ErrorCodes.InvalidBuildContext, $"build context {name}=target:{target}: there is no target \"{target}\" in this build");
            if (converting.Contains(target) || target == request.Name)
            {
                throw new KilnException(ErrorCodes.InvalidBuildContext, $"target:{target} contexts form a cycle: {string.Join(" -> ", converting.Add(request.Name).Add(target))}");
            }

            var result = await ConvertAsync(dependency, all, converted, converting.Add(request.Name), sources, steps, cancellationToken).ConfigureAwait(false);
            contexts = contexts.SetItem(name, NamedContext.ForTarget(target, result.Platforms));
        }

        foreach (var (name, layout) in layouts)
        {
            var root = await OciLayoutImport.ImportAsync(layout, services.Store, cancellationToken).ConfigureAwait(false);
            var image = Reference.Parse($"kiln.invalid/oci-layout:{root.Digest.Hex}");
            services.LocalImages.Register(image, root);
            contexts = contexts.SetItem(name, NamedContext.ForImage(image));
        }

        var main = LocalContext.Open(LocalContext.DefaultName, request.ContextDirectory, request.DockerfilePath);
        var contextName = SourceName(sources, LocalContext.DefaultName, main.Directory);
        foreach (var (name, directory) in directories)
        {
            if (sources.TryGetValue(name, out var existing) && existing != directory)
            {
                throw new KilnException(ErrorCodes.InvalidBuildContext, $"build context \"{name[(name.IndexOf(':') + 1)..]}\" names two directories: {existing} and {directory}");
            }

            sources[name] = directory;
        }

        steps.Done($"load build definition from {request.DockerfileName}", "dockerfile", System.Text.Encoding.UTF8.GetByteCount(request.Dockerfile));
        var shown = new HashSet<(Reference, Platform)>();
        async ValueTask<ImageConfig?> MetadataAsync(Reference image, Platform platform, CancellationToken token) =>
            shown.Add((image, platform))
                ? await steps.RunAsync($"load metadata for {image}", () => services.Images.ConfigAsync(image, platform, token)).ConfigureAwait(false)
                : await services.Images.ConfigAsync(image, platform, token).ConfigureAwait(false);

        var conversion = await DockerfileConverter.ConvertAsync(
            new ConversionRequest(request.Dockerfile, MetadataAsync)
            {
                FileName = request.DockerfileName,
                BuildArgs = request.BuildArgs,
                Target = request.Target,
                TargetPlatforms = request.Platforms,
                BuildPlatform = Platform.Current.Normalize(),
                NamedContexts = contexts,
                Labels = request.Labels,
                ContextExcludes = [.. main.Ignore.Patterns.Select(p => p.ToString())],
                ContextName = contextName,
                Labs = request.Labs,
                DefaultNetwork = request.Network,
            },
            cancellationToken).ConfigureAwait(false);
        steps.Done("load .dockerignore", "context", main.IgnoreFile is { } ignore ? new FileInfo(ignore).Length : 2);
        if (conversion.HasErrors)
        {
            throw new KilnException([.. conversion.Diagnostics.Where(d => d.IsError)]);
        }

        if (request.Name.Length > 0)
        {
            if (all.Length > 1)
            {
                conversion = TargetNames.Prefix(conversion, request.Name);
            }

            converted[request.Name] = conversion;
        }

        return conversion;
    }

    private static string SourceName(ImmutableDictionary<string, string>.Builder sources, string name, string directory)
    {
        var candidate = name;
        for (var n = 2; sources.TryGetValue(candidate, out var existing) && existing != directory; n++)
        {
            candidate = $"{name}-{n}";
        }

        sources[candidate] = directory;
        return candidate;
    }
}
