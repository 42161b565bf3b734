using System.Collections.Immutable;
using Kiln.Exec;
using Kiln.Oci;
using Kiln.Solver;

namespace Kiln.Build;

/// <summary>One <c>kiln build</c>: the Dockerfile and its context, build args, target, platforms, contexts and what its steps may use.</summary>
internal sealed record BuildRequest
{
    /// <summary>The bake target's name (what <c>target:NAME</c> contexts of other requests refer to); empty for kiln build.</summary>
    public string Name { get; init; } = "";

    /// <summary>The main build context directory.</summary>
    public required string ContextDirectory { get; init; }

    public required string Dockerfile { get; init; }

    /// <summary>The Dockerfile's name in errors (file:line).</summary>
    public string DockerfileName { get; init; } = "Dockerfile";

    /// <summary>The Dockerfile's path, for its own <c>NAME.dockerignore</c>; null when it came from stdin.</summary>
    public string? DockerfilePath { get; init; }

    public ImmutableDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? Target { get; init; }

    /// <summary>Target platforms; empty means the host's.</summary>
    public ImmutableArray<Platform> Platforms { get; init; } = [];

    /// <summary>What relative <c>--build-context</c> paths are relative to (bake: the bake file's directory).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary><c>--build-context name=value</c> entries as given (a directory, docker-image://REF, oci-layout://PATH[:TAG]).</summary>
    public ImmutableDictionary<string, string> NamedContexts { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary><c>--network</c>: default, none or host for RUN steps that do not choose.</summary>
    public string? Network { get; init; }

    public ExecSession Session { get; init; } = ExecSession.Default;

    public SolveOptions Cache { get; init; } = SolveOptions.Default;

    /// <summary>Accept the labs Dockerfile flags (COPY --parents/--exclude, RUN --security).</summary>
    public bool Labs { get; init; } = true;
}
