using System.Collections.Immutable;
using Kiln.Build.Runners;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Export.Layers;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots;

namespace Kiln.Export.Assembly;

/// <summary>
/// Writes a build result into the content store as an image: per platform one layer per snapshot of the result's chain
/// (base first), the config with its diffIDs and normalized history, the manifest; for several platforms an index.
/// </summary>
internal sealed class ImageAssembler(Snapshotter snapshotter, ContentStore store, TimeProvider timeProvider)
{
    private readonly LayerResolver layers = new(snapshotter, store);

    /// <summary>Assembles the image; <paramref name="progress"/> (optional) gets BuildKit's export statuses.</summary>
    public async Task<AssembledImage> AssembleAsync(
        IReadOnlyList<ImageInput> inputs, ImageOptions options, VertexProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Count == 0)
        {
            throw new KilnException(ErrorCodes.ExportNoImage, "there is no platform to export");
        }

        options = options.Effective();
        var docker = !options.Layers.OciMediaTypes;
        if (inputs.Count == 1 && options.Annotations.Any(a => a.Target is AnnotationTarget.Index or AnnotationTarget.IndexDescriptor))
        {
            throw new KilnException(ErrorCodes.ExportIndexAnnotationSinglePlatform, "index annotations not supported for single platform export");
        }

        if (options.Annotations.FirstOrDefault(a => a.Platform is not null && !inputs.Any(i => a.AppliesTo(i.Platform))) is { } stray)
        {
            throw new KilnException(ErrorCodes.ExportAnnotationInvalid, $"invalid annotation: no platform {stray.Platform} found in source");
        }

        var images = ImmutableArray.CreateBuilder<PlatformImage>(inputs.Count);
        foreach (var input in inputs)
        {
            images.Add(await AssemblePlatformAsync(input, options, docker, progress, cancellationToken).ConfigureAwait(false));
        }

        if (images.Count == 1)
        {
            return new AssembledImage(images[0].Manifest, images.MoveToImmutable());
        }

        var index = new ImageIndex(docker ? MediaType.DockerManifestList : MediaType.OciIndex, [.. images.Select(i => i.Manifest)])
        {
            Annotations = Pick(options, AnnotationTarget.Index, null),
        };
        var (bytes, descriptor) = index.ToBytesWithDescriptor();
        await store.WriteAsync(descriptor.Digest, bytes, cancellationToken).ConfigureAwait(false);
        Done(progress, "exporting manifest list " + descriptor.Digest);
        var root = descriptor with { Annotations = Pick(options, AnnotationTarget.IndexDescriptor, null) };
        return new AssembledImage(root, images.MoveToImmutable());
    }

    private async Task<PlatformImage> AssemblePlatformAsync(
        ImageInput input, ImageOptions options, bool docker, VertexProgress? progress, CancellationToken cancellationToken)
    {
        var chain = await ChainAsync(input.RootSnapshot, cancellationToken).ConfigureAwait(false);
        var resolved = new SnapshotLayer[chain.Count];
        var finished = 0;
        progress?.Status("exporting layers", "exporting layers", 0, chain.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, chain.Count), parallel, async (i, token) =>
        {
            resolved[i] = await layers.ResolveAsync(chain[i], options.Layers, token).ConfigureAwait(false);
            progress?.Status("exporting layers", "exporting layers", Interlocked.Increment(ref finished), chain.Count);
        }).ConfigureAwait(false);

        Done(progress, "exporting layers");

        DateTimeOffset? epoch = options.SourceDateEpoch is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        var history = HistoryNormalizer.Normalize(
            input.Config.History, [.. chain.Select(s => s.Created)], input.BaseConfig?.History ?? [], epoch);
        var config = input.Config with
        {
            RootFS = new RootFS([.. resolved.Select(l => l.DiffId)]),
            History = history,
            Created = Created(input.Config.Created, history, epoch),
        };
        var (configBytes, configDescriptor) = config.ToBytesWithDescriptor(docker ? MediaType.DockerConfig : MediaType.OciConfig);
        await store.WriteAsync(configDescriptor.Digest, configBytes, cancellationToken).ConfigureAwait(false);
        Done(progress, "exporting config " + configDescriptor.Digest);

        var manifest = new Manifest(docker ? MediaType.DockerManifest : MediaType.OciManifest, configDescriptor, [.. resolved.Select(l => l.Layer)])
        {
            Annotations = Pick(options, AnnotationTarget.Manifest, input.Platform),
        };
        var (manifestBytes, manifestDescriptor) = manifest.ToBytesWithDescriptor();
        await store.WriteAsync(manifestDescriptor.Digest, manifestBytes, cancellationToken).ConfigureAwait(false);
        Done(progress, "exporting manifest " + manifestDescriptor.Digest);
        var described = manifestDescriptor with
        {
            Platform = input.Platform.Normalize(),
            Annotations = Pick(options, AnnotationTarget.ManifestDescriptor, input.Platform),
        };
        return new PlatformImage(input.Platform, described, configDescriptor, manifest.Layers) { RootSnapshot = input.RootSnapshot };
    }

    /// <summary>The snapshots whose diffs are the layers, base first; the committed empty snapshot of a layerless image has none.</summary>
    private async Task<List<SnapshotInfo>> ChainAsync(string? root, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            return [];
        }

        var top = await snapshotter.StatAsync(root, cancellationToken).ConfigureAwait(false);
        if (top is not { Kind: SnapshotKind.Committed })
        {
            throw new KilnException(ErrorCodes.SnapshotNotFound, $"cannot export snapshot \"{root}\": it is not a committed snapshot");
        }

        var chain = new List<SnapshotInfo> { top };
        chain.AddRange(await snapshotter.ParentChainAsync(top, cancellationToken).ConfigureAwait(false));
        chain.Reverse();
        chain.RemoveAll(s => s.Key == ImageSourceRunner.EmptySnapshot);
        return chain;
    }

    /// <summary>The config's time: its own (clamped to the epoch), else the last history time, else the epoch or now.</summary>
    private OciTimestamp Created(OciTimestamp? own, ImmutableArray<HistoryEntry> history, DateTimeOffset? epoch)
    {
        if (own is { } created)
        {
            return epoch is { } e && created.Value > e ? OciTimestamp.FromDateTimeOffset(e) : created;
        }

        return history.LastOrDefault(h => h.Created is not null)?.Created
            ?? OciTimestamp.FromDateTimeOffset(epoch ?? timeProvider.GetUtcNow());
    }

    private static void Done(VertexProgress? progress, string status) => progress?.Status(status, status, 0, null, completed: true);

    private static ImmutableSortedDictionary<string, string> Pick(ImageOptions options, AnnotationTarget target, Platform? platform)
    {
        var picked = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        foreach (var annotation in options.Annotations.Where(a => a.Target == target && a.AppliesTo(platform)))
        {
            picked = picked.SetItem(annotation.Key, annotation.Value);
        }

        return picked;
    }
}
