using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>condition ? a : b</c>; when one result is a string and the other a number or bool, the result is converted to string, as HCL unifies them.</summary>
internal sealed record ConditionalExpression(Expression Condition, Expression TrueResult, Expression FalseResult, SourceSpan Span)
    : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context)
    {
        var condition = Condition.Evaluate(context);
        if (condition.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Null condition: the condition value is null", Condition.Span);
        }

        if (!HclConvert.TryToBool(condition, out var which))
        {
            throw new KilnException(ErrorCodes.HclTypeMismatch, $"Incorrect condition type: a bool is required, not {condition.TypeName}", Condition.Span);
        }

        // Both results are evaluated to unify their types, but only the chosen one's errors count, as in HCL.
        var chosen = (which ? TrueResult : FalseResult).Evaluate(context);
        HclValue? other;
        try
        {
            other = (which ? FalseResult : TrueResult).Evaluate(context);
        }
        catch (KilnException)
        {
            other = null;
        }

        if (other is null || chosen.Kind == other.Kind || chosen.IsNull || other.IsNull)
        {
            return chosen;
        }

        if (IsPrimitive(chosen) && IsPrimitive(other) && (chosen is HclString || other is HclString) &&
            HclConvert.TryConvertPrimitive(chosen, HclValueKind.String, out var converted))
        {
            return converted;
        }

        if (IsPrimitive(chosen) || IsPrimitive(other))
        {
            var (t, f) = which ? (chosen, other) : (other, chosen);
            throw new KilnException(ErrorCodes.HclTypeMismatch, $"Inconsistent conditional result types: the true and false result expressions must have consistent types; the 'true' value is {t.TypeName}, but the 'false' value is {f.TypeName}", Span);
        }

        return chosen;
    }

    public override IEnumerable<Expression> Children => [Condition, TrueResult, FalseResult];

    private static bool IsPrimitive(HclValue value) => value.Kind is HclValueKind.String or HclValueKind.Number or HclValueKind.Bool;
}
