using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Export;

/// <summary>
/// Writes one platform's image as a tar that <c>docker load</c> accepts: an OCI layout plus a <c>manifest.json</c>
/// naming the config, tags, layers (buildx's <c>--output type=docker</c>).
/// </summary>
internal static class DockerArchiveWriter
{
    public const string ManifestFileName = "manifest.json";

    /// <summary>Writes the archive; <paramref name="repoTags"/> are full references (a missing tag means <c>latest</c>).</summary>
    public static async Task WriteAsync(
        ContentStore store, Descriptor root, Stream destination, ImmutableArray<string> repoTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        var tags = repoTags.IsDefault ? [] : repoTags.Select(t => Reference.Parse(t).WithDefaultTag()).ToImmutableArray();
        var image = await SelectImageAsync(store, root, cancellationToken).ConfigureAwait(false);
        var manifestBytes = await store.ReadAllBytesAsync(image.Digest, cancellationToken).ConfigureAwait(false);
        var manifest = Manifest.Parse(manifestBytes, image.Digest.ToString(), image.MediaType);
        var options = tags.IsEmpty ? OciLayoutOptions.Default : OciLayoutOptions.ForName(tags[0].ToString());
        var entries = await OciLayoutFiles.CollectAsync(store, image, options, cancellationToken).ConfigureAwait(false);
        entries = entries.Add(LayoutEntry.ForBytes(ManifestFileName, ManifestJson(manifest, tags)));
        await DeterministicTar.WriteAsync(store, entries, destination, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteFileAsync(ContentStore store, Descriptor root, string path, ImmutableArray<string> repoTags, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await WriteAsync(store, root, file, repoTags, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The single image manifest under the root; an index with several platforms cannot be a Docker archive.</summary>
    public static async Task<Descriptor> SelectImageAsync(ContentStore store, Descriptor root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        var current = root;
        while (MediaType.IsIndex(current.MediaType))
        {
            var bytes = await store.ReadAllBytesAsync(current.Digest, cancellationToken).ConfigureAwait(false);
            var index = ImageIndex.Parse(bytes, current.Digest.ToString(), current.MediaType);
            var images = index.Manifests.Where(m => !AnnotationKeys.IsAttestationManifest(m)).ToList();
            current = images.Count switch
            {
                1 => images[0],
                0 => throw new KilnException(ErrorCodes.ExportNoImage, $"{current.Digest}: the index lists no image to export"),
                _ => throw new KilnException(
                    ErrorCodes.DockerExportManifestList,
                    $"docker exporter does not currently support exporting manifest lists ({images.Count} platforms: {string.Join(", ", images.Select(i => i.Platform?.ToString() ?? i.Digest.ToString()))}); build one platform, or use an oci output"),
            };
        }

        MediaType.Expect(current.MediaType, MediaTypeKind.Manifest, current.Digest.ToString());
        return current;
    }

    private static byte[] ManifestJson(Manifest manifest, ImmutableArray<Reference> tags)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("Config", LayoutEntry.BlobPath(manifest.Config.Digest));
            writer.WriteStartArray("RepoTags");
            foreach (var tag in tags)
            {
                writer.WriteStringValue(tag.ToFamiliarString());
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Layers");
            foreach (var layer in manifest.Layers)
            {
                writer.WriteStringValue(LayoutEntry.BlobPath(layer.Digest));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
