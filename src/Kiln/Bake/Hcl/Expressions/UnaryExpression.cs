using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>-x</c> or <c>!x</c>.</summary>
internal sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) => Operations.Unary(Operator, Operand.Evaluate(context), Operand.Span);

    public override IEnumerable<Expression> Children => [Operand];
}
