namespace Kiln.Exec.Spec;

/// <summary>A resource limit such as <c>nofile=1024:2048</c>; the name is the lower-case RLIMIT suffix.</summary>
internal sealed record Ulimit(string Name, ulong Soft, ulong Hard)
{
    public string RuntimeName => "RLIMIT_" + Name.ToUpperInvariant();
}
