using System.Numerics;
using System.Text;

namespace Kiln.Bake.Hcl.Values;

/// <summary>Prints a <see cref="BigFloat"/> as the shortest decimal that rounds back to it (Go's <c>Text('f', -1)</c>).</summary>
internal static class BigFloatFormatter
{
    public static string Format(BigFloat value)
    {
        if (value.IsZero)
        {
            return value.IsNegativeZero ? "-0" : "0";
        }

        var abs = BigInteger.Abs(value.Mantissa);
        var d = Decimal.Of(abs, value.Exponent);
        RoundShortest(ref d, abs, value.Exponent, value.Precision);
        var sb = new StringBuilder();
        if (value.Sign < 0)
        {
            sb.Append('-');
        }

        if (d.Point > 0)
        {
            var m = Math.Min(d.Digits.Length, d.Point);
            sb.Append(d.Digits, 0, m);
            sb.Append('0', d.Point - m);
        }
        else
        {
            sb.Append('0');
        }

        var fraction = Math.Max(d.Digits.Length - d.Point, 0);
        if (fraction > 0)
        {
            sb.Append('.');
            for (var i = 0; i < fraction; i++)
            {
                sb.Append(d.At(d.Point + i));
            }
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>%e</c>: one digit, <paramref name="precision"/> decimals (shortest when null), and a two-digit exponent.</summary>
    public static string FormatExponent(BigFloat value, int? precision, char verb)
    {
        var d = Digits(value, precision is { } p ? p + 1 : null);
        return (value.Sign < 0 ? "-" : "") + Exponent(d, precision ?? Math.Max(d.Digits.Length - 1, 0), verb);
    }

    /// <summary>Go's shortest <c>%g</c>: exponent form when the decimal exponent is below -4 or at least 6, as big.Float does.</summary>
    public static string FormatGeneral(BigFloat value, char verb)
    {
        var d = Digits(value, null);
        var exp = d.Point - 1;
        if (value.IsZero || (exp >= -4 && exp < 6))
        {
            return Format(value);
        }

        return (value.Sign < 0 ? "-" : "") + Exponent(d, Math.Max(d.Digits.Length - 1, 0), verb == 'G' ? 'E' : 'e');
    }

    private static Decimal Digits(BigFloat value, int? significant)
    {
        if (value.IsZero)
        {
            return new Decimal("", 0);
        }

        var abs = BigInteger.Abs(value.Mantissa);
        var d = Decimal.Of(abs, value.Exponent);
        if (significant is { } n)
        {
            return d.RoundNearest(n);
        }

        RoundShortest(ref d, abs, value.Exponent, value.Precision);
        return d;
    }

    private static string Exponent(Decimal d, int precision, char verb)
    {
        var sb = new StringBuilder();
        sb.Append(d.Digits.Length > 0 ? d.Digits[0] : '0');
        if (precision > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                sb.Append(d.At(i));
            }
        }

        var exp = d.Digits.Length > 0 ? d.Point - 1 : 0;
        sb.Append(verb).Append(exp < 0 ? '-' : '+');
        sb.Append(Math.Abs(exp).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static void RoundShortest(ref Decimal d, BigInteger mantissa, int exponent, int precision)
    {
        // Normalize so the mantissa has precision+1 bits: its lowest bit is then half an ulp.
        var shift = (int)mantissa.GetBitLength() - (precision + 1);
        var mant = shift < 0 ? mantissa << -shift : mantissa >> shift;
        var exp = exponent + shift;
        var lower = Decimal.Of(mant - 1, exp);
        var upper = Decimal.Of(mant + 1, exp);
        var inclusive = (mant & 2).IsZero;
        for (var i = 0; i < d.Digits.Length; i++)
        {
            var m = d.Digits[i];
            var l = lower.At(i);
            var u = upper.At(i);
            var okDown = l != m || (inclusive && i + 1 == lower.Digits.Length);
            var okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.Digits.Length);
            if (okDown && okUp)
            {
                d = d.RoundNearest(i + 1);
                return;
            }

            if (okDown)
            {
                d = d.RoundDown(i + 1);
                return;
            }

            if (okUp)
            {
                d = d.RoundUp(i + 1);
                return;
            }
        }
    }

    /// <summary>Decimal digits with the point after <see cref="Point"/> digits: value = 0.Digits × 10^Point.</summary>
    private readonly record struct Decimal(string Digits, int Point)
    {
        public static Decimal Of(BigInteger mantissa, int exponent)
        {
            if (mantissa.IsZero)
            {
                return new Decimal("", 0);
            }

            string digits;
            int point;
            if (exponent >= 0)
            {
                digits = (mantissa << exponent).ToString(System.Globalization.CultureInfo.InvariantCulture);
                point = digits.Length;
            }
            else
            {
                digits = (mantissa * BigInteger.Pow(5, -exponent)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                point = digits.Length + exponent;
            }

            return new Decimal(digits.TrimEnd('0'), point);
        }

        public char At(int i) => i >= 0 && i < Digits.Length ? Digits[i] : '0';

        public Decimal RoundNearest(int n)
        {
            if (n < 0 || n >= Digits.Length)
            {
                return this;
            }

            var up = Digits[n] == '5' && n + 1 == Digits.Length
                ? n > 0 && ((Digits[n - 1] - '0') & 1) != 0
                : Digits[n] >= '5';
            return up ? RoundUp(n) : RoundDown(n);
        }

        public Decimal RoundDown(int n) =>
            n < 0 || n >= Digits.Length ? this : new Decimal(Digits[..n].TrimEnd('0'), Point);

        public Decimal RoundUp(int n)
        {
            if (n < 0 || n >= Digits.Length)
            {
                return this;
            }

            while (n > 0 && Digits[n - 1] >= '9')
            {
                n--;
            }

            if (n == 0)
            {
                return new Decimal("1", Point + 1);
            }

            return new Decimal(Digits[..(n - 1)] + (char)(Digits[n - 1] + 1), Point);
        }
    }
}
