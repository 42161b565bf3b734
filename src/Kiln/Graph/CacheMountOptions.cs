namespace Kiln.Graph;

/// <summary>A persistent cache directory shared between builds, identified by id.</summary>
internal sealed record CacheMountOptions(string Id, CacheSharing Sharing = CacheSharing.Shared);
