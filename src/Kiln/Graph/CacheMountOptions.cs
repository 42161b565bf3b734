namespace Kiln.Graph;

/// <summary>
/// A persistent cache directory shared between builds, identified by id. <see cref="Mode"/>, <see cref="Uid"/> and
/// <see cref="Gid"/> set up a new cache's root directory (0755 and root when null); a cache seeded <c>from=</c>
/// another input is the mount's Input and Selector.
/// </summary>
internal sealed record CacheMountOptions(string Id, CacheSharing Sharing = CacheSharing.Shared)
{
    public int? Mode { get; init; }

    public int? Uid { get; init; }

    public int? Gid { get; init; }
}
