using Kiln.Bake.Hcl.Expressions;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl;

/// <summary><c>name = expression</c> in a body.</summary>
internal sealed record HclAttribute(string Name, Expression Expression, SourceSpan NameSpan, SourceSpan Span);
