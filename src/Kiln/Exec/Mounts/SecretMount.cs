namespace Kiln.Exec.Mounts;

/// <summary>
/// <c>type=secret</c>: the secret's bytes as a file on a tmpfs (target default <c>/run/secrets/&lt;id&gt;</c>)
/// and/or as an environment variable (<c>env=</c>; then no file unless a target is also given).
/// A missing secret fails the step only when <see cref="Required"/>.
/// </summary>
internal sealed record SecretMount(string Id) : RunMount
{
    public string? Path { get; init; }

    public string? Env { get; init; }

    public bool Required { get; init; }

    public UnixFileMode Mode { get; init; } = UnixFileMode.UserRead;

    public uint Uid { get; init; }

    public uint Gid { get; init; }

    public override string? Target =>
        !string.IsNullOrEmpty(Path) ? Path : string.IsNullOrEmpty(Env) ? "/run/secrets/" + Id : null;
}
