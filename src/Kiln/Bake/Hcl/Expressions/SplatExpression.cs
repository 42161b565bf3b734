using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>
/// <c>source[*].rest</c> or <c>source.*.rest</c>: applies <see cref="Each"/> (built on <see cref="Item"/>) to every element.
/// A null source gives an empty tuple; a value that is not a sequence is treated as a one-element sequence.
/// </summary>
internal sealed record SplatExpression(Expression Source, Expression Each, SplatItemExpression Item, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context)
    {
        var source = Source.Evaluate(context);
        if (source.IsNull)
        {
            return HclValue.EmptyTuple;
        }

        if (source is not HclTuple tuple)
        {
            return HclValue.Tuple([EvaluateEach(source, context)]);
        }

        var results = ImmutableArray.CreateBuilder<HclValue>(tuple.Count);
        foreach (var element in tuple.Items)
        {
            results.Add(EvaluateEach(element, context));
        }

        return new HclTuple(results.MoveToImmutable());
    }

    public override IEnumerable<Expression> Children => [Source, Each];

    private HclValue EvaluateEach(HclValue element, EvalContext context) =>
        Each.Evaluate(context.WithVariables(new Dictionary<string, HclValue> { [Item.Key] = element }));
}
