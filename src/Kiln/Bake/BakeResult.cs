using System.Collections.Immutable;
using Kiln.Bake.Files;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake;

/// <summary>A resolved plan, the files it came from (for snippets) and any warnings.</summary>
internal sealed record BakeResult(BakePlan Plan, ImmutableArray<BakeFile> Files, ImmutableArray<Diagnostic> Warnings);
