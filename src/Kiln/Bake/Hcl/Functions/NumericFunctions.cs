using System.Numerics;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>Numeric functions; <c>log</c> and <c>pow</c> work in float64 as cty's do, so they print with float64 precision.</summary>
internal static class NumericFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        Unary("abs", n => n.Sign < 0 ? -n : n),
        Unary("negate", n => -n),
        Unary("ceil", n => BigFloat.FromInteger(n.Ceiling())),
        Unary("floor", n => BigFloat.FromInteger(n.Floor())),
        Unary("int", n => BigFloat.FromInteger(n.Truncate())),
        HclFunction.Fixed("signum", 1, a => HclValue.From(a.Integer(0).Sign)),
        Binary("add", (x, y) => x + y),
        Binary("subtract", (x, y) => x - y),
        Binary("multiply", (x, y) => x * y),
        Binary("divide", (x, y) => y.IsZero ? throw new HclFunctionException("can't divide by zero", 1) : x / y),
        Binary("modulo", (x, y) => y.IsZero ? throw new HclFunctionException("can't use modulo with zero", 1) : Operations.Modulo(x, y, null)),
        Binary("pow", (x, y) => Float(Math.Pow(x.ToDouble(), y.ToDouble()))),
        Binary("log", (x, y) => Float(Math.Log(x.ToDouble()) / Math.Log(y.ToDouble()))),
        HclFunction.Variadic("max", 1, a => HclValue.From(Enumerable.Range(0, a.Count).Select(a.Number).Max())),
        HclFunction.Variadic("min", 1, a => HclValue.From(Enumerable.Range(0, a.Count).Select(a.Number).Min())),
        HclFunction.Fixed("parseint", 2, ParseInt),
    ];

    private static HclFunction Unary(string name, Func<BigFloat, BigFloat> f) => HclFunction.Fixed(name, 1, a => HclValue.From(f(a.Number(0))));

    private static HclFunction Binary(string name, Func<BigFloat, BigFloat, BigFloat> f) =>
        HclFunction.Fixed(name, 2, a => HclValue.From(f(a.Number(0), a.Number(1))));

    private static BigFloat Float(double value) =>
        double.IsFinite(value) ? BigFloat.FromDouble(value) : throw new HclFunctionException("the result is not a finite number");

    private static HclValue ParseInt(FunctionArguments a)
    {
        var text = a.String(0);
        var radix = a.Int32(1);
        if (radix is < 2 or > 62)
        {
            throw new HclFunctionException("base must be a whole number between 2 and 62 inclusive", 1);
        }

        var digits = text.AsSpan();
        var negative = false;
        if (digits.Length > 0 && (digits[0] == '-' || digits[0] == '+'))
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        if (digits.Length == 0)
        {
            throw new HclFunctionException($"cannot parse \"{text}\" as a base {radix} integer", 0);
        }

        var result = BigInteger.Zero;
        foreach (var c in digits)
        {
            var d = Digit(c, radix);
            if (d < 0 || d >= radix)
            {
                throw new HclFunctionException($"cannot parse \"{text}\" as a base {radix} integer", 0);
            }

            result = (result * radix) + d;
        }

        return HclValue.From(negative ? -result : result);
    }

    private static int Digit(char c, int radix) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => radix <= 36 ? c - 'A' + 10 : c - 'A' + 36,
        _ => -1,
    };
}
