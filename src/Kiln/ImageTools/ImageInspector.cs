using System.Collections.Immutable;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.ImageTools;

/// <summary>Fetches a reference's manifest or index and, on request, the image config of every platform it holds.</summary>
internal sealed class ImageInspector(RegistryClient registry)
{
    public async Task<ImageInspection> InspectAsync(Reference reference, bool withConfigs, CancellationToken cancellationToken)
    {
        var root = await registry.GetManifestAsync(reference, cancellationToken).ConfigureAwait(false);
        var document = root.Parse(reference.ToString());
        var inspection = new ImageInspection(reference, root, document);
        if (!withConfigs)
        {
            return inspection;
        }

        var manifests = document.Index is { } index
            ? index.Manifests.Where(d => !AnnotationKeys.IsAttestationManifest(d) && MediaType.IsManifest(d.MediaType)).ToList()
            : [];
        var configs = document.Manifest is { } single
            ? [await ImageConfigLoader.LoadAsync(registry, reference, single, cancellationToken).ConfigureAwait(false)]
            : await Task.WhenAll(manifests.Select(d => LoadChildConfigAsync(reference, d, cancellationToken))).ConfigureAwait(false);
        return inspection with { Configs = [.. configs.Select(c => (c.Platform, c))] };
    }

    private async Task<ImageConfig> LoadChildConfigAsync(Reference reference, Descriptor descriptor, CancellationToken cancellationToken)
    {
        var child = await registry.GetManifestAsync(reference.WithDigest(descriptor.Digest), cancellationToken).ConfigureAwait(false);
        var manifest = child.Parse(reference.WithDigest(descriptor.Digest).ToString()).Manifest
            ?? throw new Diagnostics.KilnException(Diagnostics.ErrorCodes.DocumentKindMismatch, $"{reference.Name}@{descriptor.Digest}: expected an image manifest");
        return await ImageConfigLoader.LoadAsync(registry, reference, manifest, cancellationToken).ConfigureAwait(false);
    }
}
