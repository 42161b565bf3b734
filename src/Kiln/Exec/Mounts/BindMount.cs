namespace Kiln.Exec.Mounts;

/// <summary>
/// <c>type=bind</c>: a host directory or file the caller resolved (from the context, a stage or an image).
/// Read-only by default; with <see cref="ReadWrite"/> the step may write, but its writes land in a throwaway
/// overlay upper directory and are discarded, unless <see cref="KeepWrites"/> says the source is the caller's own
/// writable directory (an exec op's extra output snapshot), which is then mounted read-write as it is.
/// </summary>
internal sealed record BindMount(string Source, string Path) : RunMount
{
    public override string Target => Path;

    public bool ReadWrite { get; init; }

    /// <summary>With <see cref="ReadWrite"/>: the step writes into <see cref="Source"/> itself.</summary>
    public bool KeepWrites { get; init; }
}
