using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Export;

/// <summary>Lists the blobs an image needs, walking down from its root: indexes, manifests, configs and layers.</summary>
internal static class ReachableBlobs
{
    /// <summary>Every descriptor reachable from <paramref name="root"/> (the root included), once each, in the order found.</summary>
    public static async Task<ImmutableArray<Descriptor>> CollectAsync(ContentStore store, Descriptor root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        var found = new List<Descriptor>();
        var seen = new HashSet<Digest>();
        var pending = new Stack<Descriptor>();
        pending.Push(root);
        while (pending.TryPop(out var descriptor))
        {
            if (!seen.Add(descriptor.Digest))
            {
                continue;
            }

            found.Add(descriptor);
            foreach (var child in (await ChildrenAsync(store, descriptor, cancellationToken).ConfigureAwait(false)).Reverse())
            {
                pending.Push(child);
            }
        }

        return [.. found];
    }

    private static async Task<IReadOnlyList<Descriptor>> ChildrenAsync(ContentStore store, Descriptor descriptor, CancellationToken cancellationToken)
    {
        var kind = MediaType.KindOf(descriptor.MediaType);
        if (kind is not (MediaTypeKind.Index or MediaTypeKind.Manifest))
        {
            return [];
        }

        var bytes = await store.ReadAllBytesAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
        var source = descriptor.Digest.ToString();
        if (!descriptor.Digest.Matches(bytes))
        {
            throw new KilnException(ErrorCodes.ExportBlobDigestMismatch, $"{source}: the stored document does not hash to its digest");
        }

        if (kind == MediaTypeKind.Index)
        {
            return ImageIndex.Parse(bytes, source, descriptor.MediaType).Manifests;
        }

        var manifest = Manifest.Parse(bytes, source, descriptor.MediaType);
        return [manifest.Config, .. manifest.Layers];
    }
}
