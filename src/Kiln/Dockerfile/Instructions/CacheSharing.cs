namespace Kiln.Dockerfile.Instructions;

/// <summary>How concurrent builds share a cache mount.</summary>
internal enum CacheSharing
{
    Shared,
    Private,
    Locked,
}
