namespace Kiln.Exec.Mounts;

/// <summary>
/// <c>type=bind</c>: a host directory or file the caller resolved (from the context, a stage or an image).
/// Read-only by default; with <see cref="ReadWrite"/> the step may write, but its writes land in a throwaway
/// overlay upper directory and are discarded.
/// </summary>
internal sealed record BindMount(string Source, string Path) : RunMount
{
    public override string Target => Path;

    public bool ReadWrite { get; init; }
}
