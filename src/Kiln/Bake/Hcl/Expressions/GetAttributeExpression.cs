using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>source.name</c>.</summary>
internal sealed record GetAttributeExpression(Expression Source, string Name, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) => Traversal.GetAttribute(Source.Evaluate(context), Name, Span);

    public override IEnumerable<Expression> Children => [Source];
}
