using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Registry;

namespace Kiln.Export.Push;

/// <summary>
/// Pushes an image whose content is all in the local store to one or more references. Per target repository,
/// configs and layers go up in parallel (skipped when present, mounted from another repository of the same
/// registry when one is known to hold them); then manifests by digest, children before their index; tags are
/// written last of all, so no tag ever points at a missing manifest.
/// </summary>
internal sealed class ImagePusher(RegistryClient registry, ContentStore store, BlobOriginTable? origins = null)
{
    private const long ReportEvery = 1024 * 1024;
    private const int MountAttempts = 3;

    /// <summary>
    /// Pushes <paramref name="root"/> (a manifest or an index) to every target. A target without tag means
    /// <c>latest</c> unless <see cref="PushOptions.ByDigest"/>; a target with a digest must name the root's digest.
    /// </summary>
    public async Task<PushResult> PushAsync(
        Descriptor root, IReadOnlyList<Reference> targets, PushOptions options, VertexProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        CheckTargets(root, targets);
        var plan = await PushPlan.CreateAsync(store, root, cancellationToken).ConfigureAwait(false);
        var pushed = new ConcurrentBag<PushedBlob>();
        var repositories = targets.Select(t => t.WithoutTagOrDigest()).Distinct().ToList();
        foreach (var repository in repositories)
        {
            await PushBlobsAsync(repository, plan.Blobs, pushed, progress, cancellationToken).ConfigureAwait(false);
            foreach (var document in plan.Documents)
            {
                await PushDocumentByDigestAsync(repository, document, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!options.ByDigest)
        {
            foreach (var tag in targets.Where(t => t.Digest is null).Select(t => t.WithDefaultTag()).Distinct())
            {
                progress?.Status($"tag {tag}", $"pushing {tag}", 0, null);
                await registry.PushManifestAsync(tag, root.MediaType, plan.Root.Bytes, cancellationToken).ConfigureAwait(false);
                progress?.Status($"tag {tag}", $"pushing {tag}", 0, null, completed: true);
            }
        }

        var descriptor = new Descriptor(root.MediaType, root.Digest, root.Size);
        var order = plan.Blobs.Select((b, i) => (b.Digest, i)).ToDictionary(x => x.Digest, x => x.i);
        var blobs = pushed.OrderBy(p => repositories.IndexOf(p.Repository)).ThenBy(p => order[p.Blob.Digest]).ToImmutableArray();
        return new PushResult(descriptor, PushNames.Compute(targets, root.Digest, options), blobs);
    }

    private static void CheckTargets(Descriptor root, IReadOnlyList<Reference> targets)
    {
        if (targets.Count == 0)
        {
            throw new KilnException(ErrorCodes.PushTargetInvalid, "push needs at least one image name (name= or -t)");
        }

        foreach (var target in targets.Where(t => t.Digest is { } d && d != root.Digest))
        {
            throw new KilnException(ErrorCodes.PushTargetInvalid, $"cannot push {root.Digest} to {target}: the name pins a different digest");
        }
    }

    private async Task PushBlobsAsync(
        Reference repository, ImmutableArray<Descriptor> blobs, ConcurrentBag<PushedBlob> pushed, VertexProgress? progress, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, registry.Options.MaxConcurrentTransfers),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(blobs, parallel, async (blob, ct) =>
        {
            var id = $"{repository.Name}@{blob.Digest}";
            progress?.Status(id, $"pushing {blob.Digest}", 0, blob.Size);
            var outcome = await PushBlobAsync(repository, blob, Open(blob, id, progress), ct).ConfigureAwait(false);
            progress?.Status(id, $"{Verb(outcome)} {blob.Digest}", blob.Size, blob.Size, completed: true);
            pushed.Add(new PushedBlob(repository, blob, outcome));
        }).ConfigureAwait(false);
        if (origins is not null)
        {
            await origins.RecordAsync(repository, [.. blobs.Select(b => b.Digest)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Each upload attempt reads the stored blob afresh; with progress, bytes sent are reported every MiB.</summary>
    private BlobSource Open(Descriptor blob, string id, VertexProgress? progress) => progress is null
        ? new BlobSource(() => store.OpenRead(blob.Digest))
        : new BlobSource(() => new ProgressReadStream(store.OpenRead(blob.Digest), ReportEvery, sent => progress.Status(id, $"pushing {blob.Digest}", sent, blob.Size)));

    /// <summary>
    /// Skips a blob the repository holds, else tries to mount it from up to <see cref="MountAttempts"/> repositories
    /// known to hold it (a refused mount just moves on), else uploads it.
    /// </summary>
    private async Task<BlobPushResult> PushBlobAsync(Reference repository, Descriptor blob, BlobSource source, CancellationToken cancellationToken)
    {
        var candidates = await MountSourcesAsync(repository, blob, cancellationToken).ConfigureAwait(false);
        if (candidates.Count > 0)
        {
            if (await registry.BlobExistsAsync(repository, blob.Digest, cancellationToken).ConfigureAwait(false))
            {
                return BlobPushResult.Skipped;
            }

            foreach (var candidate in candidates)
            {
                if (await TryMountAsync(repository, blob, candidate, cancellationToken).ConfigureAwait(false))
                {
                    return BlobPushResult.Mounted;
                }
            }
        }

        return await registry.PushBlobAsync(repository, blob, source, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryMountAsync(Reference repository, Descriptor blob, Reference from, CancellationToken cancellationToken)
    {
        try
        {
            return await registry.MountBlobAsync(repository, blob, from, cancellationToken).ConfigureAwait(false);
        }
        catch (KilnException e) when (e.Code == ErrorCodes.RegistryUnauthorized || e.Code == ErrorCodes.RegistryRequestFailed || e.Code == ErrorCodes.RegistryNotFound)
        {
            // No pull access to that repository, or it is gone: not a reason to fail the push.
            return false;
        }
    }

    private async Task<IReadOnlyList<Reference>> MountSourcesAsync(Reference repository, Descriptor blob, CancellationToken cancellationToken)
    {
        if (origins is null)
        {
            return [];
        }

        var known = await origins.ListAsync(blob.Digest, repository.Registry, cancellationToken).ConfigureAwait(false);
        return [.. known.Where(r => r.Repository != repository.Repository).Take(MountAttempts)];
    }

    private async Task PushDocumentByDigestAsync(Reference repository, PushDocument document, CancellationToken cancellationToken)
    {
        var atDigest = repository.WithDigest(document.Descriptor.Digest);
        if (await ManifestExistsAsync(atDigest, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await registry.PushManifestAsync(atDigest, document.Descriptor.MediaType, document.Bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ManifestExistsAsync(Reference reference, CancellationToken cancellationToken)
    {
        try
        {
            await registry.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KilnException e) when (e.Code == ErrorCodes.RegistryNotFound)
        {
            return false;
        }
    }

    private static string Verb(BlobPushResult outcome) => outcome switch
    {
        BlobPushResult.Skipped => "exists",
        BlobPushResult.Mounted => "mounted",
        _ => "pushed",
    };
}
