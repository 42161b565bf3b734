namespace Kiln.Exec.Mounts;

/// <summary>
/// <c>type=ssh</c>: a socket forwarding the agent registered under <see cref="Id"/>. Without a path it appears at
/// <c>/run/buildkit/ssh_agent.N</c> (N counts the step's ssh mounts) and SSH_AUTH_SOCK points at it.
/// </summary>
internal sealed record SshMount : RunMount
{
    public const string DefaultId = "default";

    public string Id { get; init; } = DefaultId;

    public string? Path { get; init; }

    public bool Required { get; init; }

    public UnixFileMode Mode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public uint Uid { get; init; }

    public uint Gid { get; init; }

    public override string? Target => Path;
}
