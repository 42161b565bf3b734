using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Export.Outputs;

/// <summary>The outputs parsed from <c>--output</c> values, and every error found in them.</summary>
internal sealed record OutputParseResult(ImmutableArray<OutputSpec> Outputs, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
