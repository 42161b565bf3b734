namespace Kiln.Graph;

/// <summary>What an exec mount provides (RUN --mount=type=...).</summary>
internal enum MountType
{
    Bind,
    Cache,
    Secret,
    Ssh,
    Tmpfs,
}
