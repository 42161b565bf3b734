namespace Kiln.Exec.Mounts;

/// <summary><c>type=tmpfs</c>: an empty memory filesystem; a size of 0 leaves the kernel's default (half of RAM).</summary>
internal sealed record TmpfsMount(string Path) : RunMount
{
    public override string Target => Path;

    public long SizeBytes { get; init; }
}
