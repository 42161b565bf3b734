using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>An arithmetic, comparison or logical operation on two operands.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) =>
        Operations.Binary(Operator, Left.Evaluate(context), Right.Evaluate(context), Left.Span, Right.Span, Span);

    public override IEnumerable<Expression> Children => [Left, Right];
}
