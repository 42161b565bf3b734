using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Build;

/// <summary>
/// Brings an image of a local OCI layout (<c>oci-layout://PATH[:TAG][@DIGEST]</c>) into the content store: the root
/// chosen by digest, else by its <c>org.opencontainers.image.ref.name</c> tag (default "latest"), else the layout's
/// only image; then every blob it reaches, each verified as it is copied.
/// </summary>
internal static class OciLayoutImport
{
    private const string RefName = "org.opencontainers.image.ref.name";

    public static async Task<Descriptor> ImportAsync(string value, ContentStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (path, tag, digest) = Split(value);
        var indexPath = Path.Combine(path, "index.json");
        if (!File.Exists(indexPath))
        {
            throw new KilnException(ErrorCodes.InvalidBuildContext, $"oci-layout://{value}: {indexPath} does not exist: not an OCI layout");
        }

        var index = ImageIndex.Parse(await File.ReadAllBytesAsync(indexPath, cancellationToken).ConfigureAwait(false), indexPath);
        var root = Choose(index.Manifests, tag, digest, value) ?? await DescribeAsync(path, digest!.Value, value, cancellationToken).ConfigureAwait(false);
        await CopyAsync(path, root, store, cancellationToken).ConfigureAwait(false);
        return root with { Annotations = root.Annotations.Clear() };
    }

    /// <summary>The root the value names; null when it names a digest the index does not list (a nested manifest).</summary>
    private static Descriptor? Choose(ImmutableArray<Descriptor> manifests, string? tag, Digest? digest, string value)
    {
        if (digest is { } wanted)
        {
            return manifests.FirstOrDefault(m => m.Digest == wanted);
        }

        var byTag = manifests.Where(m => m.Annotations.GetValueOrDefault(RefName) == (tag ?? Reference.DefaultTag)).ToList();
        if (byTag.Count > 0)
        {
            return byTag[0];
        }

        if (tag is null && manifests.Length == 1)
        {
            return manifests[0];
        }

        throw new KilnException(ErrorCodes.InvalidBuildContext, $"oci-layout://{value}: no image tagged \"{tag ?? Reference.DefaultTag}\" in the layout");
    }

    private static async Task<Descriptor> DescribeAsync(string layout, Digest digest, string value, CancellationToken cancellationToken)
    {
        var file = Path.Combine(layout, "blobs", digest.Algorithm, digest.Hex);
        if (!File.Exists(file))
        {
            throw new KilnException(ErrorCodes.InvalidBuildContext, $"oci-layout://{value}: the layout has no blob {digest}");
        }

        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        return new Descriptor(OciDocument.Parse(bytes, null, file).MediaType, digest, bytes.Length);
    }

    private static async Task CopyAsync(string layout, Descriptor blob, ContentStore store, CancellationToken cancellationToken)
    {
        var file = Path.Combine(layout, "blobs", blob.Digest.Algorithm, blob.Digest.Hex);
        if (!File.Exists(file))
        {
            throw new KilnException(ErrorCodes.InvalidBuildContext, $"OCI layout {layout}: blob {blob.Digest} is missing");
        }

        if (!await store.ExistsAsync(blob.Digest, cancellationToken).ConfigureAwait(false))
        {
            var writer = store.OpenWriter(blob.Digest, blob.Size);
            await using (writer.ConfigureAwait(false))
            {
                var source = File.OpenRead(file);
                await using (source.ConfigureAwait(false))
                {
                    await source.CopyToAsync(writer, cancellationToken).ConfigureAwait(false);
                }

                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (MediaType.IsIndex(blob.MediaType) || MediaType.IsManifest(blob.MediaType))
        {
            var bytes = await store.ReadAllBytesAsync(blob.Digest, cancellationToken).ConfigureAwait(false);
            var document = OciDocument.Parse(bytes, blob.MediaType, file);
            var children = document.Index is { } index
                ? index.Manifests
                : [document.Manifest!.Config, .. document.Manifest.Layers];
            foreach (var child in children)
            {
                await CopyAsync(layout, child, store, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static (string Path, string? Tag, Digest? Digest) Split(string value)
    {
        Digest? digest = null;
        var at = value.LastIndexOf('@');
        if (at > 0)
        {
            digest = Digest.Parse(value[(at + 1)..]);
            value = value[..at];
        }

        string? tag = null;
        var colon = value.LastIndexOf(':');
        if (colon > value.LastIndexOf('/'))
        {
            tag = value[(colon + 1)..];
            value = value[..colon];
        }

        return (Path.GetFullPath(value), tag, digest);
    }
}
