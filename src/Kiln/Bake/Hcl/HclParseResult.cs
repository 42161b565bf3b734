using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl;

/// <summary>A parsed file: its body (as complete as recovery allows) and every diagnostic found.</summary>
internal sealed record HclParseResult(string FileName, string Source, HclBody Body, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
