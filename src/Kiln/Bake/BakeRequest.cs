using System.Collections.Immutable;

namespace Kiln.Bake;

/// <summary>What <c>kiln bake</c> was asked for: files (-f), names, <c>--set</c> flags, where it runs and its environment.</summary>
internal sealed record BakeRequest(
    ImmutableArray<string> Files,
    ImmutableArray<string> Targets,
    ImmutableArray<string> Overrides,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);
