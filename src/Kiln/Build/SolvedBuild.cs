using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Build;

/// <summary>What a build produced before export: one image per platform, and the warnings the frontend raised.</summary>
internal sealed record SolvedBuild(ImmutableArray<SolvedPlatform> Platforms, ImmutableArray<Diagnostic> Warnings);
