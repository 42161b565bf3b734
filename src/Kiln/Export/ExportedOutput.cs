using System.Collections.Immutable;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;

namespace Kiln.Export;

/// <summary>One output as written: its spec, the image it exported (null for tar/local/cacheonly) and the names it got.</summary>
internal sealed record ExportedOutput(OutputSpec Spec, AssembledImage? Image, ImmutableArray<string> Names);
