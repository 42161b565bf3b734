using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>A literal: number, bool, null, or a bare object key.</summary>
internal sealed record LiteralExpression(HclValue Value, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) => Value;
}
