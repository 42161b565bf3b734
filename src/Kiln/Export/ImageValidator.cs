using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Export;

/// <summary>
/// Checks the structure of an image stored in a <see cref="ContentStore"/>, from its root descriptor down to its layers,
/// and reports every problem found as a diagnostic rather than stopping at the first.
/// </summary>
internal sealed class ImageValidator
{
    private readonly ContentStore store;
    private readonly ImageValidationOptions options;
    private readonly List<Diagnostic> diagnostics = [];
    private readonly Dictionary<Digest, bool> blobResults = [];

    private ImageValidator(ContentStore store, ImageValidationOptions options)
    {
        this.store = store;
        this.options = options;
    }

    /// <summary>Validates the image (an index or a manifest) that <paramref name="root"/> describes; an empty result means valid.</summary>
    public static async Task<ImmutableArray<Diagnostic>> ValidateAsync(
        ContentStore store, Descriptor root, ImageValidationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        var validator = new ImageValidator(store, options ?? ImageValidationOptions.Default);
        await validator.VisitAsync(root, "image", null, cancellationToken).ConfigureAwait(false);
        return [.. validator.diagnostics];
    }

    /// <summary>Validates and throws one <see cref="KilnException"/> carrying every error found.</summary>
    public static async Task EnsureValidAsync(ContentStore store, Descriptor root, ImageValidationOptions? options, CancellationToken cancellationToken)
    {
        var found = await ValidateAsync(store, root, options, cancellationToken).ConfigureAwait(false);
        if (found.Any(d => d.IsError))
        {
            throw new KilnException([.. found.Where(d => d.IsError)]);
        }
    }

    private async Task VisitAsync(Descriptor descriptor, string path, MediaTypeKind? parentKind, CancellationToken cancellationToken)
    {
        switch (MediaType.KindOf(descriptor.MediaType))
        {
            case MediaTypeKind.Index:
                await VisitIndexAsync(descriptor, path, cancellationToken).ConfigureAwait(false);
                break;
            case MediaTypeKind.Manifest:
                await VisitManifestAsync(descriptor, path, cancellationToken).ConfigureAwait(false);
                break;
            default:
                var where = parentKind is null ? "the root" : "an index entry";
                Error(ErrorCodes.ExportMediaTypeMismatch, path, $"{where} has media type \"{descriptor.MediaType}\", not a manifest or an index", descriptor);
                break;
        }
    }

    private async Task VisitIndexAsync(Descriptor descriptor, string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadDocumentAsync(descriptor, path, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return;
        }

        ImageIndex index;
        try
        {
            index = ImageIndex.Parse(bytes, path, descriptor.MediaType);
        }
        catch (KilnException e)
        {
            Error(ErrorCodes.ExportInvalidDocument, path, $"the index does not parse: {e.Message}", descriptor);
            return;
        }

        CheckDocumentMediaType(index.MediaType, descriptor, path);
        for (var i = 0; i < index.Manifests.Length; i++)
        {
            var child = index.Manifests[i];
            var childPath = $"{path} > manifests[{i}]" + (child.Platform is null ? "" : $" ({child.Platform})");
            if (MediaType.IsDocker(child.MediaType) != index.IsDocker)
            {
                Error(ErrorCodes.ExportMediaTypeMismatch, childPath, $"the {Family(index.IsDocker)} index lists the {Family(!index.IsDocker)} document \"{child.MediaType}\"", child);
            }

            await VisitAsync(child, childPath, MediaTypeKind.Index, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task VisitManifestAsync(Descriptor descriptor, string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadDocumentAsync(descriptor, path, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return;
        }

        Manifest manifest;
        try
        {
            manifest = Manifest.Parse(bytes, path, descriptor.MediaType);
        }
        catch (KilnException e)
        {
            Error(ErrorCodes.ExportInvalidDocument, path, $"the manifest does not parse: {e.Message}", descriptor);
            return;
        }

        CheckDocumentMediaType(manifest.MediaType, descriptor, path);
        var attestation = AnnotationKeys.IsAttestationManifest(descriptor);
        var layersPresent = new bool[manifest.Layers.Length];
        for (var i = 0; i < manifest.Layers.Length; i++)
        {
            var layer = manifest.Layers[i];
            var layerPath = $"{path} > layers[{i}]";
            var allowed = MediaType.IsLayer(layer.MediaType) || (attestation && MediaType.KindOf(layer.MediaType) == MediaTypeKind.InToto);
            if (!allowed)
            {
                Error(ErrorCodes.ExportMediaTypeMismatch, layerPath, $"\"{layer.MediaType}\" is not a layer media type", layer);
            }
            else if (MediaType.IsLayer(layer.MediaType) && MediaType.IsDocker(layer.MediaType) != manifest.IsDocker)
            {
                Error(ErrorCodes.ExportMediaTypeMismatch, layerPath, $"the {Family(manifest.IsDocker)} manifest has the {Family(!manifest.IsDocker)} layer \"{layer.MediaType}\"", layer);
            }

            layersPresent[i] = await CheckBlobAsync(layer, layerPath, cancellationToken).ConfigureAwait(false);
        }

        await VisitConfigAsync(descriptor, manifest, layersPresent, path, cancellationToken).ConfigureAwait(false);
    }

    private async Task VisitConfigAsync(Descriptor descriptor, Manifest manifest, bool[] layersPresent, string path, CancellationToken cancellationToken)
    {
        var configPath = path + " > config";
        var config = manifest.Config;
        if (config.MediaType is not (MediaType.OciConfig or MediaType.DockerConfig))
        {
            Error(ErrorCodes.ExportMediaTypeMismatch, configPath, $"\"{config.MediaType}\" is not an image config media type", config);
            await CheckBlobAsync(config, configPath, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (MediaType.IsDocker(config.MediaType) != manifest.IsDocker)
        {
            Error(ErrorCodes.ExportMediaTypeMismatch, configPath, $"the {Family(manifest.IsDocker)} manifest has the {Family(!manifest.IsDocker)} config \"{config.MediaType}\"", config);
        }

        var bytes = await ReadDocumentAsync(config, configPath, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return;
        }

        ImageConfig image;
        try
        {
            image = ImageConfig.Parse(bytes, configPath);
        }
        catch (KilnException e)
        {
            Error(ErrorCodes.ExportInvalidDocument, configPath, $"the image config does not parse: {e.Message}", config);
            return;
        }

        CheckPlatform(descriptor, image, configPath);
        var diffIds = image.RootFS.DiffIds.IsDefault ? [] : image.RootFS.DiffIds;
        if (diffIds.Length != manifest.Layers.Length)
        {
            Error(ErrorCodes.ExportDiffIdCountMismatch, configPath, $"rootfs.diff_ids lists {diffIds.Length} layers but the manifest has {manifest.Layers.Length}", config);
        }

        if (!options.VerifyDiffIds)
        {
            return;
        }

        for (var i = 0; i < Math.Min(diffIds.Length, manifest.Layers.Length); i++)
        {
            if (!layersPresent[i])
            {
                continue;
            }

            var layer = manifest.Layers[i];
            var layerPath = $"{path} > layers[{i}]";
            try
            {
                var actual = await LayerDiffId.ComputeAsync(store, layer, cancellationToken).ConfigureAwait(false);
                if (actual != diffIds[i])
                {
                    Error(ErrorCodes.ExportDiffIdMismatch, layerPath, $"uncompressed layer is {actual} but rootfs.diff_ids[{i}] is {diffIds[i]}", layer);
                }
            }
            catch (Exception e) when (e is KilnException or InvalidDataException or IOException)
            {
                Error(ErrorCodes.ExportDiffIdMismatch, layerPath, $"the layer cannot be decompressed: {e.Message}", layer);
            }
        }
    }

    private void CheckPlatform(Descriptor descriptor, ImageConfig image, string path)
    {
        if (descriptor.Platform is not { } declared || AnnotationKeys.IsAttestationManifest(descriptor))
        {
            return;
        }

        var expected = declared.Normalize();
        var actual = image.Platform.Normalize();
        if (expected.OS != actual.OS || expected.Architecture != actual.Architecture || expected.Variant != actual.Variant)
        {
            // BuildKit writes exactly this for a final stage FROM --platform=OTHER: a warning, not a broken image.
            diagnostics.Add(Diagnostic.Warning(
                ErrorCodes.ExportPlatformMismatch,
                $"{path}: the index says {expected} but the config says {actual}",
                detail: $"{descriptor.MediaType} {descriptor.Digest} ({descriptor.Size} bytes)"));
        }
    }

    private void CheckDocumentMediaType(string documentMediaType, Descriptor descriptor, string path)
    {
        if (documentMediaType != descriptor.MediaType)
        {
            Error(ErrorCodes.ExportMediaTypeMismatch, path, $"the descriptor says \"{descriptor.MediaType}\" but the document says \"{documentMediaType}\"", descriptor);
        }
    }

    private async Task<byte[]?> ReadDocumentAsync(Descriptor descriptor, string path, CancellationToken cancellationToken)
    {
        if (!await CheckBlobAsync(descriptor, path, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await store.ReadAllBytesAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the blob exists with the declared size and digest; each blob is checked (and reported) once.</summary>
    private async Task<bool> CheckBlobAsync(Descriptor descriptor, string path, CancellationToken cancellationToken)
    {
        if (blobResults.TryGetValue(descriptor.Digest, out var known))
        {
            return known;
        }

        var ok = await CheckBlobOnceAsync(descriptor, path, cancellationToken).ConfigureAwait(false);
        blobResults[descriptor.Digest] = ok;
        return ok;
    }

    private async Task<bool> CheckBlobOnceAsync(Descriptor descriptor, string path, CancellationToken cancellationToken)
    {
        var info = await store.InfoAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
        if (info is not { } found)
        {
            Error(ErrorCodes.ExportBlobMissing, path, "the blob is not in the content store", descriptor);
            return false;
        }

        if (found.Size != descriptor.Size)
        {
            Error(ErrorCodes.ExportBlobSizeMismatch, path, $"the descriptor says {descriptor.Size} bytes but the blob has {found.Size}", descriptor);
            return false;
        }

        if (!await store.VerifyAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false))
        {
            Error(ErrorCodes.ExportBlobDigestMismatch, path, "the blob's bytes do not hash to its digest", descriptor);
            return false;
        }

        return true;
    }

    private void Error(ErrorCode code, string path, string summary, Descriptor descriptor) =>
        diagnostics.Add(Diagnostic.Error(code, $"{path}: {summary}", detail: $"{descriptor.MediaType} {descriptor.Digest} ({descriptor.Size} bytes)"));

    private static string Family(bool docker) => docker ? "Docker" : "OCI";
}
