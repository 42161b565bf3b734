using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>What <see cref="DockerfileConverter"/> converts: the Dockerfile with its build args, target, platforms, contexts.</summary>
internal sealed record ConversionRequest(string Dockerfile, BaseImageConfigProvider ImageConfigProvider)
{
    public string FileName { get; init; } = "Dockerfile";

    /// <summary><c>--build-arg</c> values (the CLI resolves <c>--build-arg NAME</c> from its environment first).</summary>
    public ImmutableDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? Target { get; init; }

    /// <summary>Target platforms; empty means the build platform.</summary>
    public ImmutableArray<Platform> TargetPlatforms { get; init; } = [];

    public Platform BuildPlatform { get; init; } = new("linux", "amd64");

    /// <summary><c>--build-context</c> entries by name (the stage or image name they replace).</summary>
    public ImmutableDictionary<string, NamedContext> NamedContexts { get; init; } = ImmutableDictionary<string, NamedContext>.Empty;

    /// <summary><c>--label</c> values, added to the final image's labels.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The main context's ignore rules (.dockerignore patterns), applied when it is sent.</summary>
    public ImmutableArray<string> ContextExcludes { get; init; } = [];

    /// <summary>The LocalSourceOp name of the main build context.</summary>
    public string ContextName { get; init; } = "context";

    /// <summary><c>--network</c>: the network of RUN steps without their own <c>--network</c> ("default", "none", "host").</summary>
    public string? DefaultNetwork { get; init; }

    /// <summary>Accept the labs flags (COPY --parents/--exclude, RUN --security).</summary>
    public bool Labs { get; init; }
}
