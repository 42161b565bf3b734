using System.Collections.Immutable;

namespace Kiln.Cli.Building;

/// <summary>
/// The values of buildx's build flags, as given (a bake target resolves to the same shape). Turning them into a
/// request — reading files, parsing values — is <see cref="BuildInvocation"/>'s job, so errors name the flag.
/// </summary>
internal sealed record BuildFlags
{
    /// <summary>The context directory ("." by default).</summary>
    public required string Context { get; init; }

    /// <summary>-f: the Dockerfile path, "-" for stdin; null means CONTEXT/Dockerfile.</summary>
    public string? File { get; init; }

    /// <summary>The Dockerfile's text itself (bake's dockerfile-inline); wins over <see cref="File"/>.</summary>
    public string? DockerfileInline { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    public ImmutableArray<string> BuildArgs { get; init; } = [];

    public string? Target { get; init; }

    /// <summary>--platform values; each may hold a comma-separated list.</summary>
    public ImmutableArray<string> Platforms { get; init; } = [];

    public ImmutableArray<string> Secrets { get; init; } = [];

    public ImmutableArray<string> Ssh { get; init; } = [];

    public ImmutableArray<string> BuildContexts { get; init; } = [];

    public bool NoCache { get; init; }

    public ImmutableArray<string> NoCacheFilter { get; init; } = [];

    public string? Progress { get; init; }

    public string? Network { get; init; }

    public ImmutableArray<string> Allow { get; init; } = [];

    public ImmutableArray<string> Labels { get; init; } = [];

    public ImmutableArray<string> Annotations { get; init; } = [];

    public string? IidFile { get; init; }

    public string? MetadataFile { get; init; }

    public ImmutableArray<string> Outputs { get; init; } = [];

    public bool Push { get; init; }

    public bool Load { get; init; }

    public bool Quiet { get; init; }

    /// <summary>Flags given that kiln accepts but does not implement yet (remote cache, attestations): warned about.</summary>
    public ImmutableArray<string> Ignored { get; init; } = [];
}
