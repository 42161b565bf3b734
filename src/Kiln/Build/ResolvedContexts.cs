using System.Collections.Immutable;
using Kiln.Dockerfile.Conversion;

namespace Kiln.Build;

/// <summary>
/// A request's named contexts by kind: those the converter can use as they are (images, local directories), the local
/// directories to send (by source name), OCI layout paths (by context name) to import, and other bake targets
/// (context name → target name) to convert first.
/// </summary>
internal sealed record ResolvedContexts(
    ImmutableDictionary<string, NamedContext> Contexts,
    ImmutableDictionary<string, string> Directories,
    ImmutableDictionary<string, string> Layouts,
    ImmutableDictionary<string, string> Targets);
