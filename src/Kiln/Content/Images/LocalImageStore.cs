using System.Collections.Immutable;
using Kiln.Content.Metadata;
using Kiln.Oci;

namespace Kiln.Content.Images;

/// <summary>
/// kiln's local image store seen by name: the <c>images</c> table plus the content it points at. Listing measures
/// each image's blobs; removing drops names only, so blobs other names, pulled bases or the build cache still use
/// stay in the content store (unreferenced blobs are left to a later prune).
/// </summary>
internal sealed class LocalImageStore(ContentStore store, ImageTable images)
{
    /// <summary>The shortest ID prefix accepted, the length <c>kiln images</c> prints.</summary>
    public const int MinimumIdLength = 12;

    public static async Task<LocalImageStore> OpenAsync(KilnPaths paths, CancellationToken cancellationToken)
    {
        var database = await MetadataDatabase.OpenAsync(paths, cancellationToken).ConfigureAwait(false);
        return new LocalImageStore(new ContentStore(paths, database.TimeProvider), new ImageTable(database));
    }

    /// <summary>All named images, ordered by name.</summary>
    public async Task<ImmutableArray<LocalImage>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await images.ListAsync(cancellationToken).ConfigureAwait(false);
        var listed = ImmutableArray.CreateBuilder<LocalImage>(records.Length);
        foreach (var record in records)
        {
            var (repository, tag) = LocalImage.SplitName(record.Name);
            var root = new Descriptor(record.MediaType, record.Digest, record.Size);
            var size = await MeasureAsync(root, cancellationToken).ConfigureAwait(false);
            listed.Add(new LocalImage(record.Name, repository, tag, root, record.Platforms, size, record.Created));
        }

        return listed.MoveToImmutable();
    }

    /// <summary>
    /// Finds the record a user's name means: the exact stored name, else the name as a full reference
    /// (<c>busybox</c> is <c>docker.io/library/busybox:latest</c>). Null when there is none.
    /// </summary>
    public async Task<ImageRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (await images.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } exact)
        {
            return exact;
        }

        if (!Reference.TryParse(name, out var reference, out _))
        {
            return null;
        }

        foreach (var candidate in new[] { reference.ToString(), reference.WithDefaultTag().ToString() }.Distinct())
        {
            if (candidate != name && await images.GetAsync(candidate, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The records an image ID means: a digest (<c>sha256:HEX</c>) or a prefix of its hex of at least 12 characters,
    /// as <c>kiln images</c> prints it.
    /// </summary>
    public async Task<ImmutableArray<ImageRecord>> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var hex = id.StartsWith(Digest.Sha256Algorithm + ":", StringComparison.Ordinal) ? id[(Digest.Sha256Algorithm.Length + 1)..] : id;
        if (hex.Length is < MinimumIdLength or > 64 || !hex.All(char.IsAsciiHexDigitLower))
        {
            return [];
        }

        var all = await images.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(r => r.Digest.Algorithm == Digest.Sha256Algorithm && r.Digest.Hex.StartsWith(hex, StringComparison.Ordinal))];
    }

    /// <summary>
    /// Removes images by name, or by ID (every name of that image, which needs <paramref name="force"/> when there are
    /// several, as with docker). What cannot be removed is reported in the result, not thrown.
    /// </summary>
    public async Task<ImageRemoval> RemoveAsync(IEnumerable<string> names, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var removed = ImmutableArray.CreateBuilder<string>();
        var missing = ImmutableArray.CreateBuilder<string>();
        var refused = ImmutableArray.CreateBuilder<string>();
        foreach (var name in names)
        {
            var records = await FindAsync(name, cancellationToken).ConfigureAwait(false) is { } byName
                ? [byName]
                : await FindByIdAsync(name, cancellationToken).ConfigureAwait(false);
            if (records.Select(r => r.Digest).Distinct().Count() > 1 || records.Length > 1 && !force)
            {
                refused.Add(name);
                continue;
            }

            var any = false;
            foreach (var record in records)
            {
                if (await images.DeleteAsync(record.Name, cancellationToken).ConfigureAwait(false))
                {
                    removed.Add(record.Name);
                    any = true;
                }
            }

            if (!any)
            {
                missing.Add(name);
            }
        }

        return new ImageRemoval(removed.ToImmutable(), missing.ToImmutable()) { Refused = refused.ToImmutable() };
    }

    /// <summary>The bytes of every distinct blob under the root that is in the store; missing ones count nothing.</summary>
    private async Task<long> MeasureAsync(Descriptor root, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Digest>();
        var pending = new Stack<Descriptor>([root]);
        long total = 0;
        while (pending.TryPop(out var descriptor))
        {
            if (!seen.Add(descriptor.Digest)
                || await store.InfoAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false) is not { } info)
            {
                continue;
            }

            total += info.Size;
            foreach (var child in await ChildrenAsync(descriptor, cancellationToken).ConfigureAwait(false))
            {
                pending.Push(child);
            }
        }

        return total;
    }

    private async Task<IEnumerable<Descriptor>> ChildrenAsync(Descriptor descriptor, CancellationToken cancellationToken)
    {
        var kind = MediaType.KindOf(descriptor.MediaType);
        if (kind is not (MediaTypeKind.Index or MediaTypeKind.Manifest))
        {
            return [];
        }

        var bytes = await store.ReadAllBytesAsync(descriptor.Digest, cancellationToken).ConfigureAwait(false);
        var source = descriptor.Digest.ToString();
        if (kind == MediaTypeKind.Index)
        {
            return ImageIndex.Parse(bytes, source, descriptor.MediaType).Manifests;
        }

        var manifest = Manifest.Parse(bytes, source, descriptor.MediaType);
        return manifest.Layers.Prepend(manifest.Config);
    }
}
