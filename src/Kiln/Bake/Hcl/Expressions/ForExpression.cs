using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>
/// <c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key => value... if cond}</c>
/// (<see cref="KeyResult"/> is set for the object form; <see cref="Group"/> is the <c>...</c> grouping mode).
/// </summary>
internal sealed record ForExpression(
    string? KeyVariable,
    string ValueVariable,
    Expression Collection,
    Expression? KeyResult,
    Expression ValueResult,
    Expression? Condition,
    bool Group,
    SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context)
    {
        var tuple = ImmutableArray.CreateBuilder<HclValue>();
        var groups = new Dictionary<string, List<HclValue>>(StringComparer.Ordinal);
        foreach (var (key, value) in Iterate(Collection.Evaluate(context), Collection.Span))
        {
            var scope = new Dictionary<string, HclValue>(StringComparer.Ordinal) { [ValueVariable] = value };
            if (KeyVariable is not null)
            {
                scope[KeyVariable] = key;
            }

            var child = context.WithVariables(scope);
            if (Condition is not null && !Test(Condition.Evaluate(child)))
            {
                continue;
            }

            if (KeyResult is null)
            {
                tuple.Add(ValueResult.Evaluate(child));
                continue;
            }

            var name = ObjectKey(KeyResult.Evaluate(child));
            if (groups.TryGetValue(name, out var existing))
            {
                if (!Group)
                {
                    throw new KilnException(ErrorCodes.HclDuplicateForKey, $"Duplicate object key: two different items produced the key \"{name}\" in this 'for' expression; use the ellipsis (...) after the value expression to group by key", KeyResult.Span);
                }

                existing.Add(ValueResult.Evaluate(child));
            }
            else
            {
                groups[name] = [ValueResult.Evaluate(child)];
            }
        }

        if (KeyResult is null)
        {
            return new HclTuple(tuple.ToImmutable());
        }

        return HclValue.Object(groups.Select(g => KeyValuePair.Create(g.Key, Group ? HclValue.Tuple(g.Value) : g.Value[0])));
    }

    public override IEnumerable<Expression> Children =>
        new[] { Collection, KeyResult, ValueResult, Condition }.OfType<Expression>();

    public override IEnumerable<VariableExpression> Variables() =>
        Collection.Variables().Concat(
            new[] { KeyResult, ValueResult, Condition }.OfType<Expression>()
                .SelectMany(e => e.Variables())
                .Where(v => v.Name != ValueVariable && v.Name != KeyVariable));

    /// <summary>The key and value pairs of a sequence (index keys) or an object (name keys).</summary>
    internal static IEnumerable<(HclValue Key, HclValue Value)> Iterate(HclValue collection, SourceSpan span) => collection switch
    {
        HclTuple t => t.Items.Select((v, i) => (HclValue.From(i), v)),
        HclObject o => o.Attributes.Select(kv => (HclValue.From(kv.Key), kv.Value)),
        HclNull => throw new KilnException(ErrorCodes.HclNullValue, "Iteration over null value: a null value cannot be used as the collection in a 'for' expression", span),
        _ => throw new KilnException(ErrorCodes.HclTypeMismatch, $"Iteration over non-iterable value: a value of type {collection.TypeName} cannot be used as the collection in a 'for' expression", span),
    };

    private bool Test(HclValue value)
    {
        if (value.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Condition is null: the value of the 'if' clause must not be null", Condition!.Span);
        }

        return HclConvert.TryToBool(value, out var b)
            ? b
            : throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid 'for' condition: the 'if' clause value is invalid: bool required, not {value.TypeName}", Condition!.Span);
    }

    private string ObjectKey(HclValue key)
    {
        if (key.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Invalid object key: key expression result must not be null", KeyResult!.Span);
        }

        return HclConvert.TryToString(key, out var s)
            ? s
            : throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid object key: the key expression produced an invalid result: string required, not {key.TypeName}", KeyResult!.Span);
    }
}
