using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>The semantics of HCL's operators: operands convert to number or bool as cty requires.</summary>
internal static class Operations
{
    public static HclValue Binary(BinaryOperator op, HclValue left, HclValue right, SourceSpan leftSpan, SourceSpan rightSpan, SourceSpan span)
    {
        switch (op)
        {
            case BinaryOperator.Equal:
                return HclValue.From(left.Equals(right));
            case BinaryOperator.NotEqual:
                return HclValue.From(!left.Equals(right));
            case BinaryOperator.And:
                return HclValue.From(Bool(left, leftSpan, "left") & Bool(right, rightSpan, "right"));
            case BinaryOperator.Or:
                return HclValue.From(Bool(left, leftSpan, "left") | Bool(right, rightSpan, "right"));
        }

        var a = Number(left, leftSpan, "left");
        var b = Number(right, rightSpan, "right");
        return op switch
        {
            BinaryOperator.Less => HclValue.From(a < b),
            BinaryOperator.LessEqual => HclValue.From(a <= b),
            BinaryOperator.Greater => HclValue.From(a > b),
            BinaryOperator.GreaterEqual => HclValue.From(a >= b),
            BinaryOperator.Add => HclValue.From(a + b),
            BinaryOperator.Subtract => HclValue.From(a - b),
            BinaryOperator.Multiply => HclValue.From(a * b),
            BinaryOperator.Divide => HclValue.From(Divide(a, b, span)),
            _ => HclValue.From(Modulo(a, b, span)),
        };
    }

    public static HclValue Unary(UnaryOperator op, HclValue operand, SourceSpan span) => op switch
    {
        UnaryOperator.Negate => HclValue.From(-Number(operand, span, "operand")),
        _ => HclValue.From(!Bool(operand, span, "operand")),
    };

    public static BigFloat Divide(BigFloat a, BigFloat b, SourceSpan span) =>
        b.IsZero ? throw new KilnException(ErrorCodes.HclArithmeticError, "Division by zero: can't divide by zero", span) : a / b;

    /// <summary>The remainder of truncating division; its sign follows the dividend, as cty computes it.</summary>
    public static BigFloat Modulo(BigFloat a, BigFloat b, SourceSpan? span)
    {
        if (b.IsZero)
        {
            throw new KilnException(ErrorCodes.HclArithmeticError, "Division by zero: can't compute a remainder of division by zero", span);
        }

        var quotient = BigFloat.FromInteger((a / b).Truncate());
        return a - (b * quotient);
    }

    private static BigFloat Number(HclValue value, SourceSpan span, string which)
    {
        if (value.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, $"Invalid operand: unsuitable value for {which} operand: argument must not be null", span);
        }

        return HclConvert.TryToNumber(value, out var n)
            ? n
            : throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid operand: unsuitable value for {which} operand: a number is required, not {value.TypeName}", span);
    }

    private static bool Bool(HclValue value, SourceSpan span, string which)
    {
        if (value.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, $"Invalid operand: unsuitable value for {which} operand: argument must not be null", span);
        }

        return HclConvert.TryToBool(value, out var b)
            ? b
            : throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid operand: unsuitable value for {which} operand: a bool is required, not {value.TypeName}", span);
    }
}
