using System.Collections.Immutable;
using Kiln.Dockerfile.Instructions;
using Kiln.Oci;

namespace Kiln.Dockerfile.Checks;

/// <summary>What a check run knows besides the Dockerfile: build arguments, target, platforms and the context's ignore rules.</summary>
internal sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    /// <summary>The <c>--build-arg</c> values; <c>BUILDKIT_DOCKERFILE_CHECK</c> among them replaces the check directive.</summary>
    public ImmutableDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The <c>--target</c> stage; without one every stage is checked (BuildKit lints all stages then).</summary>
    public string? Target { get; init; }

    /// <summary>The platform the build runs on; defaults to this machine.</summary>
    public Platform? BuildPlatform { get; init; }

    /// <summary>The <c>--platform</c> of the build; defaults to the build platform.</summary>
    public Platform? TargetPlatform { get; init; }

    /// <summary>
    /// True when a context path (as written in COPY/ADD) or one of its parents is excluded by the context's
    /// ignore rules; null when the rules are unknown, which turns CopyIgnoredFile off.
    /// </summary>
    public Func<string, bool>? IsIgnored { get; init; }

    /// <summary>
    /// The config Env entries (<c>NAME=value</c>) of a base image by its expanded name, when known. Without it
    /// an image stage starts with PATH only, as for scratch.
    /// </summary>
    public Func<string, IEnumerable<string>>? BaseImageEnv { get; init; }

    public InstructionParserOptions? Parser { get; init; }
}
