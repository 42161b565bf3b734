using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Content.Metadata;

/// <summary>
/// A named image in the local store: its root descriptor (manifest or index) and the platforms it holds.
/// Platforms keep os/architecture/variant only.
/// </summary>
internal sealed record ImageRecord(string Name, Digest Digest, string MediaType, long Size, DateTimeOffset Created)
{
    public ImmutableArray<Platform> Platforms { get; init; } = [];
}
