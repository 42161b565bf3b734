using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.ImageTools;

/// <summary>
/// Makes a manifest (and everything it references) present in a target repository: manifests already there
/// are skipped, blobs are mounted inside one registry and only streamed through a temp file across registries.
/// Children go before parents, so nothing ever points at missing content.
/// </summary>
internal sealed class RepositoryCopier(RegistryClient registry, Action<string> log)
{
    public async Task CopyAsync(Reference source, Descriptor manifest, Reference target, CancellationToken cancellationToken)
    {
        if (source.Registry == target.Registry && source.Repository == target.Repository)
        {
            return;
        }

        var targetAtDigest = target.WithoutTagOrDigest().WithDigest(manifest.Digest);
        if (await ManifestExistsAsync(targetAtDigest, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        log($"copying {manifest.Digest} from {source.Name}@{manifest.Digest} to {target}");
        var fetched = await registry.GetManifestAsync(source.WithoutTagOrDigest().WithDigest(manifest.Digest), cancellationToken).ConfigureAwait(false);
        var document = fetched.Parse($"{source.Name}@{manifest.Digest}");
        if (document.Index is { } index)
        {
            foreach (var child in index.Manifests)
            {
                await CopyAsync(source, child, target, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (document.Manifest is { } m)
        {
            var blobs = m.Layers.Where(l => l.Urls.IsDefaultOrEmpty).Prepend(m.Config);
            await Task.WhenAll(blobs.Select(b => CopyBlobAsync(source, b, target, cancellationToken))).ConfigureAwait(false);
        }

        await registry.PushManifestAsync(targetAtDigest, fetched.MediaType, fetched.Bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ManifestExistsAsync(Reference reference, CancellationToken cancellationToken)
    {
        try
        {
            await registry.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Diagnostics.KilnException e) when (e.Code == Diagnostics.ErrorCodes.RegistryNotFound)
        {
            return false;
        }
    }

    private async Task CopyBlobAsync(Reference source, Descriptor blob, Reference target, CancellationToken cancellationToken)
    {
        var repository = target.WithoutTagOrDigest();
        if (await registry.BlobExistsAsync(repository, blob.Digest, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (source.Registry == target.Registry
            && await registry.MountBlobAsync(repository, blob, source.WithoutTagOrDigest(), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var temp = Path.Combine(Path.GetTempPath(), $"kiln-copy-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await registry.FetchBlobAsync(source.WithoutTagOrDigest(), blob, file, cancellationToken).ConfigureAwait(false);
            }

            await registry.PushBlobAsync(repository, blob, BlobSource.FromFile(temp), null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
