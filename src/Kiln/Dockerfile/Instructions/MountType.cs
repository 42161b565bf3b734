namespace Kiln.Dockerfile.Instructions;

/// <summary>The kinds of RUN --mount.</summary>
internal enum MountType
{
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
}
