using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Export.Layers;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Registry;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Runners;

/// <summary>
/// Runs <see cref="ImageSourceOp"/>: resolves the reference for the op's platform (the host's when unset), stores the
/// manifest, config and layers in the content store and unpacks the layers into committed snapshots, one per layer,
/// named by chain ID. Existing snapshots are reused from the top down, so an image already unpacked needs no blob at
/// all. The result's id is the top snapshot's name, its content digest the platform manifest's digest.
/// </summary>
internal sealed class ImageSourceRunner(
    RegistryClient registry, ContentStore store, Snapshotter snapshotter, LocalImages? local = null, BlobOriginTable? origins = null)
    : OpRunner<ImageSourceOp>
{
    /// <summary>The snapshot an image without layers resolves to.</summary>
    public const string EmptySnapshot = "empty";

    private readonly ImageBlobFetcher fetcher = new(registry, store, origins);
    private readonly ConcurrentDictionary<(Reference, Platform), Task<ResolvedImage>> resolutions = new();

    /// <summary>
    /// The reference resolved to its platform manifest, once per runner (a tag means the same image for a whole
    /// session). The shared fetch belongs to no caller: a cancelled caller stops waiting, the others still get it.
    /// </summary>
    public async Task<ResolvedImage> ResolveAsync(Reference reference, Platform platform, CancellationToken cancellationToken)
    {
        var key = (reference, platform.Normalize());
        var task = resolutions.GetOrAdd(key, k => FetchManifestAsync(k.Item1, k.Item2, CancellationToken.None));
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch
        {
            resolutions.TryRemove(new KeyValuePair<(Reference, Platform), Task<ResolvedImage>>(key, task));
            throw;
        }
    }

    /// <summary>The image's config for the platform (what a Dockerfile stage inherits), its blob kept in the content store.</summary>
    public async Task<ImageConfig> ConfigAsync(Reference reference, Platform platform, CancellationToken cancellationToken) =>
        await ConfigAsync(await ResolveAsync(reference, platform, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    protected override async ValueTask<string?> ResolveKeyAsync(ImageSourceOp op, Vertex vertex, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(op.Image, op.Platform ?? Platform.Current, cancellationToken).ConfigureAwait(false);
        return resolved.Descriptor.Digest.ToString();
    }

    protected override async Task<ImmutableArray<OpResult>> RunAsync(ImageSourceOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        var image = await ResolveAsync(op.Image, op.Platform ?? Platform.Current, cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(image.Descriptor.Digest, image.Bytes, cancellationToken).ConfigureAwait(false);
        var config = await ConfigAsync(image, cancellationToken).ConfigureAwait(false);
        var layers = image.Manifest.Layers;
        var diffIds = config.RootFS.DiffIds;
        if (diffIds.Length != layers.Length)
        {
            throw new KilnException(
                ErrorCodes.InvalidImageConfig,
                $"{op.Image}: the manifest has {layers.Length} layer(s) but the config lists {diffIds.Length} diffID(s)");
        }

        var chain = ChainId.Compute(diffIds);
        var top = layers.IsEmpty
            ? await EnsureEmptyAsync(cancellationToken).ConfigureAwait(false)
            : await UnpackAsync(image, chain, diffIds, context.Progress, cancellationToken).ConfigureAwait(false);
        var info = await snapshotter.StatAsync(top, cancellationToken).ConfigureAwait(false);
        return [new OpResult(top, image.Descriptor.Digest, info?.Size ?? 0)];
    }

    private async Task<ImageConfig> ConfigAsync(ResolvedImage image, CancellationToken cancellationToken)
    {
        await fetcher.EnsureAsync(image.Repository, image.Manifest.Config, null, cancellationToken).ConfigureAwait(false);
        var bytes = await store.ReadAllBytesAsync(image.Manifest.Config.Digest, cancellationToken).ConfigureAwait(false);
        return ImageConfig.Parse(bytes, image.Repository.ToString());
    }

    private async Task<ResolvedImage> FetchManifestAsync(Reference reference, Platform platform, CancellationToken cancellationToken)
    {
        if (local is not null && await local.FindAsync(reference, cancellationToken).ConfigureAwait(false) is { } root)
        {
            return await LocalManifestAsync(reference, root, platform, cancellationToken).ConfigureAwait(false);
        }

        var source = reference.ToString();
        var fetched = await registry.GetManifestAsync(reference, cancellationToken).ConfigureAwait(false);
        var document = fetched.Parse(source);
        if (document.Index is { } index)
        {
            var chosen = PlatformMatcher.Only(platform).Select(index, source);
            fetched = await registry.GetManifestAsync(reference.WithDigest(chosen.Digest), cancellationToken).ConfigureAwait(false);
            document = fetched.Parse(source);
        }

        var manifest = document.Manifest
            ?? throw new KilnException(ErrorCodes.DocumentKindMismatch, $"{source}: {fetched.MediaType} is not an image manifest");
        return new ResolvedImage(reference, fetched.Descriptor, fetched.Bytes, manifest);
    }

    /// <summary>A local image's manifest for the platform, read from the content store (an index picks its child).</summary>
    private async Task<ResolvedImage> LocalManifestAsync(Reference reference, Descriptor root, Platform platform, CancellationToken cancellationToken)
    {
        var source = reference.ToString();
        var descriptor = root;
        var bytes = await store.ReadAllBytesAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
        var document = OciDocument.Parse(bytes, descriptor.MediaType, source);
        if (document.Index is { } index)
        {
            descriptor = PlatformMatcher.Only(platform).Select(index, source);
            bytes = await store.ReadAllBytesAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
            document = OciDocument.Parse(bytes, descriptor.MediaType, source);
        }

        var manifest = document.Manifest
            ?? throw new KilnException(ErrorCodes.DocumentKindMismatch, $"{source}: {descriptor.MediaType} is not an image manifest");
        return new ResolvedImage(reference, descriptor with { Annotations = descriptor.Annotations.Clear(), Platform = null }, bytes, manifest);
    }

    /// <summary>Unpacks the layers above the highest existing snapshot of the chain; returns the top snapshot's name.</summary>
    private async Task<string> UnpackAsync(
        ResolvedImage image, ImmutableArray<Digest> chain, ImmutableArray<Digest> diffIds, VertexProgress progress, CancellationToken cancellationToken)
    {
        var layers = image.Manifest.Layers;
        var present = layers.Length;
        while (present > 0 && !await IsCommittedAsync(chain[present - 1].ToString(), cancellationToken).ConfigureAwait(false))
        {
            present--;
        }

        for (var i = 0; i < present; i++)
        {
            var id = layers[i].Digest.ToString();
            progress.Status(id, id, layers[i].Size, layers[i].Size, completed: true);
        }

        for (var i = present; i < layers.Length; i++)
        {
            await fetcher.EnsureAsync(image.Repository, layers[i], progress, cancellationToken).ConfigureAwait(false);
        }

        for (var i = present; i < layers.Length; i++)
        {
            var parent = i == 0 ? null : chain[i - 1].ToString();
            await ApplyAsync(layers[i], diffIds[i], parent, chain[i].ToString(), progress, cancellationToken).ConfigureAwait(false);
        }

        return chain[^1].ToString();
    }

    private async Task ApplyAsync(Descriptor layer, Digest diffId, string? parent, string name, VertexProgress progress, CancellationToken cancellationToken)
    {
        var status = "extracting " + layer.Digest;
        progress.Status(status, status, 0, null);
        var key = $"extract-{Guid.NewGuid():N}-{name}";
        await snapshotter.PrepareAsync(key, parent, cancellationToken).ConfigureAwait(false);
        try
        {
            var blob = store.OpenRead(layer.Digest);
            await using (blob.ConfigureAwait(false))
            {
                var applied = await snapshotter.ApplyLayerAsync(key, blob, layer, cancellationToken).ConfigureAwait(false);
                if (applied.DiffId != diffId)
                {
                    throw new KilnException(
                        ErrorCodes.LayerCorrupt,
                        $"layer {layer.Digest} unpacks to {applied.DiffId} but the image config expects diffID {diffId}");
                }
            }

            await snapshotter.CommitAsync(key, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await snapshotter.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);

            // another solve committing the same chain first is no failure: its snapshot is identical
            if (e is not KilnException { Code: var code } || code != ErrorCodes.SnapshotExists || !await IsCommittedAsync(name, CancellationToken.None).ConfigureAwait(false))
            {
                throw;
            }
        }

        // the exporter reuses this blob for the snapshot instead of diffing it again
        var committed = await snapshotter.StatAsync(name, cancellationToken).ConfigureAwait(false);
        await new SnapshotLayerTable(snapshotter.Database).PutAsync(committed!, LayerVariant.Source, new SnapshotLayer(layer, diffId), cancellationToken).ConfigureAwait(false);
        progress.Status(status, status, 0, null, completed: true);
    }

    private async Task<string> EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        if (!await IsCommittedAsync(EmptySnapshot, cancellationToken).ConfigureAwait(false))
        {
            var key = $"extract-{Guid.NewGuid():N}-{EmptySnapshot}";
            await snapshotter.PrepareAsync(key, null, cancellationToken).ConfigureAwait(false);
            try
            {
                await snapshotter.CommitAsync(key, EmptySnapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (KilnException e) when (e.Code == ErrorCodes.SnapshotExists)
            {
                await snapshotter.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return EmptySnapshot;
    }

    private async Task<bool> IsCommittedAsync(string name, CancellationToken cancellationToken) =>
        await snapshotter.StatAsync(name, cancellationToken).ConfigureAwait(false) is { Kind: SnapshotKind.Committed };
}
