using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.ImageTools;

/// <summary>
/// Joins resolved sources into one index, as `imagetools create` does: an index source contributes all its
/// manifests, a manifest source one descriptor with its config's platform; the same digest twice is merged,
/// two different manifests for one platform are refused.
/// </summary>
internal static class IndexComposer
{
    public static (byte[] Bytes, Descriptor Descriptor, ImmutableArray<Entry> Entries) Compose(
        IReadOnlyList<ImageSource> sources, IReadOnlyList<AnnotationSpec> annotations)
    {
        if (sources.Count == 0)
        {
            throw new KilnException(ErrorCodes.InvalidArgument, "imagetools create needs at least one source");
        }

        var entries = Collect(sources);
        if (sources.Count == 1 && sources[0].Document.Index is not null && annotations.Count == 0)
        {
            // One index and nothing to change: keep its exact bytes, so the digest is the source's.
            return (sources[0].Manifest.Bytes.ToArray(), sources[0].Descriptor with { Platform = null, Annotations = Empty }, entries);
        }

        CheckOnePerPlatform(entries);
        var descriptors = entries.Select(e => Annotate(e.Descriptor, annotations)).ToImmutableArray();
        var indexAnnotations = annotations.Where(a => a.Target == AnnotationTarget.Index)
            .Aggregate(Empty, (map, a) => map.SetItem(a.Key, a.Value));
        var docker = annotations.Count == 0 && descriptors.All(d => MediaType.IsDocker(d.MediaType));
        var index = new ImageIndex(docker ? MediaType.DockerManifestList : MediaType.OciIndex, descriptors) { Annotations = indexAnnotations };
        var bytes = GoJsonLayout.Indent(CanonicalJson.Serialize(index));
        return (bytes, Descriptor.ForBytes(index.MediaType, bytes), entries);
    }

    private static ImmutableSortedDictionary<string, string> Empty =>
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    private static ImmutableArray<Entry> Collect(IReadOnlyList<ImageSource> sources)
    {
        var entries = new List<Entry>();
        var byDigest = new Dictionary<Digest, int>();
        foreach (var source in sources)
        {
            var descriptors = source.Document.Index is { } index
                ? index.Manifests
                : [source.Descriptor with { Platform = source.Platform, Annotations = Empty }];
            foreach (var descriptor in descriptors)
            {
                if (byDigest.TryGetValue(descriptor.Digest, out var at))
                {
                    var old = entries[at].Descriptor;
                    var merged = old with
                    {
                        Platform = descriptor.Platform ?? old.Platform,
                        Annotations = old.Annotations.SetItems(descriptor.Annotations),
                    };
                    entries[at] = entries[at] with { Descriptor = merged };
                    continue;
                }

                byDigest[descriptor.Digest] = entries.Count;
                entries.Add(new Entry(source.Repository, descriptor));
            }
        }

        return [.. entries];
    }

    private static void CheckOnePerPlatform(ImmutableArray<Entry> entries)
    {
        var seen = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var d = entry.Descriptor;
            if (d.Platform is null || AnnotationKeys.IsAttestationManifest(d))
            {
                continue;
            }

            var key = d.Platform.Normalize().FormatAll();
            if (seen.TryGetValue(key, out var first))
            {
                throw new KilnException(
                    ErrorCodes.DuplicatePlatform,
                    $"two different manifests for platform {key}: {first.Repository.Name}@{first.Descriptor.Digest} and {entry.Repository.Name}@{d.Digest}; "
                    + "a tag must hold one manifest per platform (with --append, the existing tag already has this platform)");
            }

            seen[key] = entry;
        }
    }

    private static Descriptor Annotate(Descriptor descriptor, IReadOnlyList<AnnotationSpec> annotations)
    {
        var map = descriptor.Annotations;
        foreach (var a in annotations)
        {
            if (a.Target == AnnotationTarget.ManifestDescriptor
                && (a.Platform is null || (descriptor.Platform is { } p && p.Normalize().Equals(a.Platform))))
            {
                map = map.SetItem(a.Key, a.Value);
            }
        }

        return descriptor with { Annotations = map };
    }

    /// <summary>A descriptor of the new index and the repository its content comes from.</summary>
    internal sealed record Entry(Oci.Reference Repository, Descriptor Descriptor);
}
