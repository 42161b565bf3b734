namespace Kiln.Graph;

/// <summary>How concurrent builds share one cache mount (RUN --mount=type=cache,sharing=...).</summary>
internal enum CacheSharing
{
    Shared,
    Private,
    Locked,
}
