using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>
/// One RUN --mount, parsed from its CSV options. Values stay raw: when <see cref="NeedsExpansion"/> is set,
/// some option contained '$' and the conversion step re-parses the mount with an expander.
/// </summary>
internal sealed record RunMount(Word Raw, MountType Type)
{
    public string? From { get; init; }

    public string? Source { get; init; }

    public string? Target { get; init; }

    public bool ReadOnly { get; init; }

    public bool Required { get; init; }

    public string? Id { get; init; }

    public CacheSharing? Sharing { get; init; }

    public uint? Mode { get; init; }

    public uint? Uid { get; init; }

    public uint? Gid { get; init; }

    public long? SizeBytes { get; init; }

    public bool NeedsExpansion { get; init; }
}
