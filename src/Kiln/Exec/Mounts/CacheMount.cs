namespace Kiln.Exec.Mounts;

/// <summary>
/// <c>type=cache</c>: a persistent directory under <c>$KILN_ROOT/cache-mounts</c>, bind-mounted outside the
/// rootfs so it never reaches a layer. <see cref="FromDirectory"/> is the host directory (already resolved by
/// the caller from <c>from=</c> and <c>source=</c>) that seeds a new cache; mode, uid and gid apply to a new cache's root.
/// </summary>
internal sealed record CacheMount(string Path) : RunMount
{
    public override string Target => Path;

    /// <summary>The cache id; BuildKit's default is the target path.</summary>
    public string? Id { get; init; }

    public string EffectiveId => string.IsNullOrEmpty(Id) ? Path : Id;

    public CacheSharing Sharing { get; init; } = CacheSharing.Shared;

    public bool ReadOnly { get; init; }

    public string? FromDirectory { get; init; }

    public UnixFileMode Mode { get; init; } = (UnixFileMode)Convert.ToInt32("755", 8);

    public uint Uid { get; init; }

    public uint Gid { get; init; }
}
