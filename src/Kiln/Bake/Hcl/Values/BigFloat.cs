using System.Globalization;
using System.Numerics;

namespace Kiln.Bake.Hcl.Values;

/// <summary>
/// A binary floating-point number of arbitrary precision (value = mantissa × 2^exponent), rounded to nearest-even
/// like Go's big.Float, so that arithmetic and printing match cty numbers bit for bit.
/// </summary>
internal readonly struct BigFloat : IEquatable<BigFloat>, IComparable<BigFloat>
{
    /// <summary>The precision cty uses for parsed numbers.</summary>
    public const int DefaultPrecision = 512;

    /// <summary>The precision of a value produced from a float64.</summary>
    public const int DoublePrecision = 53;

    private BigFloat(BigInteger mantissa, int exponent, int precision, bool negativeZero = false)
    {
        Mantissa = mantissa;
        Exponent = exponent;
        Precision = precision;
        IsNegativeZero = negativeZero && mantissa.IsZero;
    }

    /// <summary>The signed mantissa; odd, or zero.</summary>
    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    public int Precision { get; }

    public int Sign => Mantissa.Sign;

    /// <summary>Go's big.Float keeps the sign of zero: <c>-0</c> prints as "-0" but equals 0.</summary>
    public bool IsNegativeZero { get; }

    public bool IsZero => Mantissa.IsZero;

    public bool IsInteger => Exponent >= 0 || Mantissa.IsZero;

    public static BigFloat Zero => new(BigInteger.Zero, 0, DefaultPrecision);

    public static BigFloat FromInteger(BigInteger value, int precision = DefaultPrecision) => Round(value, 0, precision);

    public static BigFloat FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new OverflowException("the number is not finite");
        }

        if (value == 0)
        {
            return new BigFloat(BigInteger.Zero, 0, DoublePrecision);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            fraction |= 1L << 52;
        }

        var mantissa = new BigInteger(fraction);
        return Round(negative ? -mantissa : mantissa, exponent - 1075, DoublePrecision);
    }

    /// <summary>The exact value of <paramref name="numerator"/> / <paramref name="denominator"/> × 2^exponent, rounded.</summary>
    public static BigFloat FromRatio(BigInteger numerator, BigInteger denominator, int exponent, int precision)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var negative = numerator.Sign * denominator.Sign < 0;
        var num = BigInteger.Abs(numerator);
        var den = BigInteger.Abs(denominator);
        if (num.IsZero)
        {
            return new BigFloat(BigInteger.Zero, 0, precision);
        }

        var shift = (int)Math.Max(0, precision + 2 + den.GetBitLength() - num.GetBitLength());
        var quotient = BigInteger.DivRem(num << shift, den, out var remainder);
        var sticky = (quotient << 1) + (remainder.IsZero ? 0 : 1);
        return Round(negative ? -sticky : sticky, exponent - shift - 1, precision);
    }

    /// <summary>Rounds mantissa × 2^exponent to <paramref name="precision"/> bits, nearest-even, and normalizes it.</summary>
    public static BigFloat Round(BigInteger mantissa, int exponent, int precision)
    {
        if (mantissa.IsZero)
        {
            return new BigFloat(BigInteger.Zero, 0, precision);
        }

        var negative = mantissa.Sign < 0;
        var abs = BigInteger.Abs(mantissa);
        var bitLength = (int)abs.GetBitLength();
        if (bitLength > precision)
        {
            var shift = bitLength - precision;
            var kept = abs >> shift;
            var rest = abs - (kept << shift);
            var half = BigInteger.One << (shift - 1);
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }

            abs = kept;
            exponent += shift;
        }

        var zeros = (int)BigInteger.TrailingZeroCount(abs);
        abs >>= zeros;
        exponent += zeros;
        return new BigFloat(negative ? -abs : abs, exponent, precision);
    }

    public static bool TryParse(string text, out BigFloat value)
    {
        value = Zero;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        var digits = BigInteger.Zero;
        var scale = 0;
        var seenDigit = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, seenDigit = true)
        {
            digits = (digits * 10) + (s[i] - '0');
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, seenDigit = true)
            {
                digits = (digits * 10) + (s[i] - '0');
                scale--;
            }
        }

        if (!seenDigit)
        {
            return false;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            if (!int.TryParse(s[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exp) || exp is > 100000 or < -100000)
            {
                return false;
            }

            scale += exp;
            i = s.Length;
        }

        if (i != s.Length)
        {
            return false;
        }

        digits = negative ? -digits : digits;
        value = scale >= 0
            ? Round(digits * BigInteger.Pow(10, scale), 0, DefaultPrecision)
            : FromRatio(digits, BigInteger.Pow(10, -scale), 0, DefaultPrecision);
        return true;
    }

    public static BigFloat Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"invalid number \"{text}\"");

    public static BigFloat operator -(BigFloat value) =>
        new(-value.Mantissa, value.Exponent, value.Precision, value.IsZero && !value.IsNegativeZero);

    public static BigFloat operator +(BigFloat a, BigFloat b)
    {
        var precision = Math.Max(a.Precision, b.Precision);
        var exponent = Math.Min(a.Exponent, b.Exponent);
        var sum = (a.Mantissa << (a.Exponent - exponent)) + (b.Mantissa << (b.Exponent - exponent));
        var result = Round(sum, exponent, precision);
        return a.IsNegativeZero && b.IsNegativeZero ? new BigFloat(BigInteger.Zero, 0, precision, true) : result;
    }

    public static BigFloat operator -(BigFloat a, BigFloat b) => a + (-b);

    public static BigFloat operator *(BigFloat a, BigFloat b)
    {
        var product = a.Mantissa * b.Mantissa;
        var precision = Math.Max(Math.Max(a.Precision, b.Precision), Math.Min(DefaultPrecision, (int)BigInteger.Abs(product).GetBitLength()));
        return product.IsZero
            ? new BigFloat(BigInteger.Zero, 0, precision, a.IsNegative != b.IsNegative)
            : Round(product, a.Exponent + b.Exponent, precision);
    }

    public static BigFloat operator /(BigFloat a, BigFloat b)
    {
        var precision = Math.Max(a.Precision, b.Precision);
        return a.IsZero
            ? new BigFloat(BigInteger.Zero, 0, precision, a.IsNegative != b.IsNegative)
            : FromRatio(a.Mantissa, b.Mantissa, a.Exponent - b.Exponent, precision);
    }

    private bool IsNegative => Mantissa.Sign < 0 || IsNegativeZero;

    public static bool operator ==(BigFloat a, BigFloat b) => a.CompareTo(b) == 0;

    public static bool operator !=(BigFloat a, BigFloat b) => a.CompareTo(b) != 0;

    public static bool operator <(BigFloat a, BigFloat b) => a.CompareTo(b) < 0;

    public static bool operator >(BigFloat a, BigFloat b) => a.CompareTo(b) > 0;

    public static bool operator <=(BigFloat a, BigFloat b) => a.CompareTo(b) <= 0;

    public static bool operator >=(BigFloat a, BigFloat b) => a.CompareTo(b) >= 0;

    /// <summary>The integer part, truncated toward zero.</summary>
    public BigInteger Truncate()
    {
        if (Exponent >= 0)
        {
            return Mantissa << Exponent;
        }

        var abs = BigInteger.Abs(Mantissa) >> -Exponent;
        return Mantissa.Sign < 0 ? -abs : abs;
    }

    public BigInteger Floor()
    {
        var t = Truncate();
        return Sign < 0 && !IsInteger ? t - 1 : t;
    }

    public BigInteger Ceiling()
    {
        var t = Truncate();
        return Sign > 0 && !IsInteger ? t + 1 : t;
    }

    public BigFloat WithPrecision(int precision) => Round(Mantissa, Exponent, precision);

    public double ToDouble()
    {
        var rounded = Round(Mantissa, Exponent, DoublePrecision);
        if (rounded.Exponent > 1100)
        {
            return rounded.Sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return Math.ScaleB((double)(long)rounded.Mantissa, Math.Max(rounded.Exponent, -1200));
    }

    public int CompareTo(BigFloat other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        return (Mantissa << (Exponent - exponent)).CompareTo(other.Mantissa << (other.Exponent - exponent));
    }

    public bool Equals(BigFloat other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is BigFloat other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    /// <summary>The shortest decimal that reads back to this value at its precision, without an exponent, as Go prints it.</summary>
    public override string ToString() => BigFloatFormatter.Format(this);
}
