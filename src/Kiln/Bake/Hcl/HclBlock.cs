using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl;

/// <summary><c>type "label" label { body }</c>.</summary>
internal sealed record HclBlock(string Type, ImmutableArray<string> Labels, ImmutableArray<SourceSpan> LabelSpans, HclBody Body, SourceSpan TypeSpan, SourceSpan Span);
