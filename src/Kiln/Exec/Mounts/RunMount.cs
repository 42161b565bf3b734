namespace Kiln.Exec.Mounts;

/// <summary>A <c>RUN --mount</c>: every kind names where it appears inside the container.</summary>
internal abstract record RunMount
{
    /// <summary>The absolute container path; for a secret given only as env= it may be null.</summary>
    public abstract string? Target { get; }
}
