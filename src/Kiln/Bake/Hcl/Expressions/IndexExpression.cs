using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>source[key]</c>, and the legacy <c>source.0</c> form.</summary>
internal sealed record IndexExpression(Expression Source, Expression Key, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) => Traversal.Index(Source.Evaluate(context), Key.Evaluate(context), Span);

    public override IEnumerable<Expression> Children => [Source, Key];
}
