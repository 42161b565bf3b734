using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>An expression in parentheses (kept so an object key like <c>(name)</c> is evaluated, not taken literally).</summary>
internal sealed record ParenthesesExpression(Expression Inner, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) => Inner.Evaluate(context);

    public override IEnumerable<Expression> Children => [Inner];
}
