using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed record TupleExpression(ImmutableArray<Expression> Items, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) => new HclTuple([.. Items.Select(i => i.Evaluate(context))]);

    public override IEnumerable<Expression> Children => Items;
}
