using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Cli.Commands;

/// <summary>The flags of `kiln build --check`: context directory, Dockerfile path, build args, target and platform.</summary>
internal sealed record CheckRequest(
    string ContextPath,
    string? DockerfilePath,
    ImmutableDictionary<string, string> BuildArgs,
    string? Target,
    Platform? Platform);
