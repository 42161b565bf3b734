using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Export.Push;

/// <summary>
/// Everything under a root that a push sends, read from the content store: documents (manifests, indexes) children
/// first with the root last, then every config or layer once. Foreign layers (with URLs) are not sent.
/// A blob missing from the store fails the plan before anything reaches the registry.
/// </summary>
internal sealed record PushPlan(ImmutableArray<PushDocument> Documents, ImmutableArray<Descriptor> Blobs)
{
    public PushDocument Root => Documents[^1];

    public static async Task<PushPlan> CreateAsync(ContentStore store, Descriptor root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        var documents = new List<PushDocument>();
        var blobs = new List<Descriptor>();
        var seen = new HashSet<Digest>();
        await VisitAsync(store, root, documents, blobs, seen, cancellationToken).ConfigureAwait(false);
        return new PushPlan([.. documents], [.. blobs]);
    }

    private static async Task VisitAsync(
        ContentStore store, Descriptor descriptor, List<PushDocument> documents, List<Descriptor> blobs, HashSet<Digest> seen, CancellationToken cancellationToken)
    {
        if (!seen.Add(descriptor.Digest))
        {
            return;
        }

        var kind = MediaType.KindOf(descriptor.MediaType);
        if (kind is not (MediaTypeKind.Index or MediaTypeKind.Manifest))
        {
            if (descriptor.Urls.IsDefaultOrEmpty)
            {
                await ExpectStoredAsync(store, descriptor, cancellationToken).ConfigureAwait(false);
                blobs.Add(descriptor);
            }

            return;
        }

        await ExpectStoredAsync(store, descriptor, cancellationToken).ConfigureAwait(false);
        var bytes = await store.ReadAllBytesAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
        var source = descriptor.Digest.ToString();
        if (!descriptor.Digest.Matches(bytes))
        {
            throw new KilnException(ErrorCodes.ExportBlobDigestMismatch, $"{source}: the stored document does not hash to its digest");
        }

        IEnumerable<Descriptor> children = kind == MediaTypeKind.Index
            ? ImageIndex.Parse(bytes, source, descriptor.MediaType).Manifests
            : Manifest.Parse(bytes, source, descriptor.MediaType) is var m ? m.Layers.Prepend(m.Config) : [];
        foreach (var child in children)
        {
            await VisitAsync(store, child, documents, blobs, seen, cancellationToken).ConfigureAwait(false);
        }

        documents.Add(new PushDocument(descriptor, bytes));
    }

    private static async Task ExpectStoredAsync(ContentStore store, Descriptor descriptor, CancellationToken cancellationToken)
    {
        if (await store.InfoAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false) is not { } info)
        {
            throw new KilnException(ErrorCodes.ExportBlobMissing, $"cannot push: {descriptor.MediaType} {descriptor.Digest} is not in the content store");
        }

        if (info.Size != descriptor.Size)
        {
            throw new KilnException(
                ErrorCodes.ExportBlobSizeMismatch,
                $"cannot push: {descriptor.Digest} is described as {descriptor.Size} bytes but the stored blob has {info.Size}");
        }
    }
}
