using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Conversion;

/// <summary>Every platform's conversion plus the diagnostics and the build args no reachable stage declared.</summary>
internal sealed record ConversionResult(
    ImmutableArray<PlatformResult> Platforms,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<string> UnusedBuildArgs)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
