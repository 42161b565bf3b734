using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>condition ? a : b</c>; a primitive result is converted to the other branch's type when they differ, as HCL unifies them.</summary>
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

        var trueValue = TrueResult.Evaluate(context);
        var falseValue = FalseResult.Evaluate(context);
        var chosen = which ? trueValue : falseValue;
        var other = which ? falseValue : trueValue;
        var target = Unify(chosen.Kind, other.Kind);
        return target is { } kind && HclConvert.TryConvertPrimitive(chosen, kind, out var converted) ? converted : chosen;
    }

    public override IEnumerable<Expression> Children => [Condition, TrueResult, FalseResult];

    private static HclValueKind? Unify(HclValueKind a, HclValueKind b)
    {
        if (a == b || a == HclValueKind.Null || b == HclValueKind.Null || a is HclValueKind.Tuple or HclValueKind.Object || b is HclValueKind.Tuple or HclValueKind.Object)
        {
            return null;
        }

        return HclValueKind.String;
    }
}
