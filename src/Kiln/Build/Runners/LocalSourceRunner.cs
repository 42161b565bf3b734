using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kiln.Build.Files;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Runners;

/// <summary>
/// Runs <see cref="LocalSourceOp"/>: the named directory, walked with the op's exclude patterns (the .dockerignore
/// rules) and narrowed to its include patterns, is hashed through the stat cache. The key is that content digest; the
/// result is a snapshot holding exactly those entries, owned by 0:0. One hash per op serves both steps.
/// </summary>
internal sealed class LocalSourceRunner(Snapshotter snapshotter, KilnPaths paths, LocalSources sources, TimeProvider? time = null)
    : OpRunner<LocalSourceOp>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ContextSnapshot>>> contexts = new(StringComparer.Ordinal);

    /// <summary>The stat cache database shared by every local source hashed under this kiln root.</summary>
    public string StatCachePath => Path.Combine(paths.Root, "context-stat-cache.db");

    /// <summary>
    /// The op's directory, filtered and hashed. The whole directory (minus the excludes) is hashed once per runner and
    /// shared by every op that reads it, so the stat cache always records the whole context.
    /// </summary>
    public async Task<ContextSnapshot> HashAsync(LocalSourceOp op, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(op);
        var key = op.Name + "\0" + string.Join("\0", op.ExcludePatterns.OrEmpty());
        var lazy = contexts.GetOrAdd(key, _ => new Lazy<Task<ContextSnapshot>>(() => HashContextAsync(op, CancellationToken.None)));
        var whole = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entries = LocalSelection.Filter(whole.Entries, op.IncludePatterns);
        return entries.Length == whole.Entries.Length ? whole : new ContextSnapshot(whole.Name, whole.Directory, entries);
    }

    protected override async ValueTask<string?> ResolveKeyAsync(LocalSourceOp op, Vertex vertex, CancellationToken cancellationToken)
    {
        var snapshot = await HashAsync(op, cancellationToken).ConfigureAwait(false);
        return snapshot.Digest.ToString();
    }

    protected override async Task<ImmutableArray<OpResult>> RunAsync(LocalSourceOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        var snapshot = await HashAsync(op, cancellationToken).ConfigureAwait(false);
        var result = await ResultSnapshots.CreateAsync(
            snapshotter,
            paths,
            ResultSnapshots.Name(context.CacheKey),
            null,
            (directory, token) => Task.Run(() => LocalTreeWriter.Write(snapshot, directory, token), token),
            mount: false,
            cancellationToken).ConfigureAwait(false);
        return [result with { ContentDigest = snapshot.Digest }];
    }

    private async Task<ContextSnapshot> HashContextAsync(LocalSourceOp op, CancellationToken cancellationToken)
    {
        var directory = sources.Resolve(op.Name);
        if (!Directory.Exists(directory))
        {
            throw new KilnException(ErrorCodes.ContextNotFound, $"local directory \"{op.Name}\": {directory}: no such directory");
        }

        var root = Path.GetFullPath(new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory);
        var context = new LocalContext(op.Name, root, CopyActionApplier.Matcher(op.ExcludePatterns) ?? IgnoreMatcher.Empty, null);
        var entries = await Task.Run(() => ContextWalker.Walk(context, cancellationToken), cancellationToken).ConfigureAwait(false);
        using var statCache = StatCache.Open(StatCachePath);
        var hasher = new ContextHasher(ContextFileReader.Instance, statCache, time ?? TimeProvider.System);
        return await hasher.HashAsync(context, entries, cancellationToken).ConfigureAwait(false);
    }
}
