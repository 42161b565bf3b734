using System.Collections.Immutable;

namespace Kiln.Oci;

/// <summary>An OCI content descriptor: what a blob is, its digest and size, and optional platform and annotations.</summary>
internal sealed record Descriptor(string MediaType, Digest Digest, long Size)
{
    public ImmutableSortedDictionary<string, string> Annotations { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public Platform? Platform { get; init; }

    public ImmutableArray<string> Urls { get; init; } = [];

    public string? ArtifactType { get; init; }
}
