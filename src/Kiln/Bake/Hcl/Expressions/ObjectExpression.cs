using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>{ key = value, ... }</c>; keys convert to strings and a later duplicate wins.</summary>
internal sealed record ObjectExpression(ImmutableArray<ObjectItem> Items, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            var key = item.Key.Evaluate(context);
            if (key.IsNull)
            {
                throw new KilnException(ErrorCodes.HclNullValue, "Null value as key: can't use a null value as a key", item.Key.Span);
            }

            if (!HclConvert.TryToString(key, out var name))
            {
                throw new KilnException(ErrorCodes.HclTypeMismatch, $"Incorrect key type: can't use this value as a key: string required, not {key.TypeName}", item.Key.Span);
            }

            builder[name] = item.Value.Evaluate(context);
        }

        return new HclObject(builder.ToImmutable());
    }

    public override IEnumerable<Expression> Children => Items.SelectMany(i => new[] { i.Key, i.Value });
}
