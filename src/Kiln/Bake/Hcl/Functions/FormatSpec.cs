using System.Globalization;
using System.Numerics;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>One <c>%</c> verb of a format string: flags, width and precision, applied to one value as Go's fmt would.</summary>
internal sealed class FormatSpec
{
    private bool _minus;
    private bool _plus;
    private bool _space;
    private bool _zero;
    private bool _sharp;
    private int? _width;
    private int? _precision;

    public int ParseFlags(string format, int i)
    {
        for (; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '-': _minus = true; break;
                case '+': _plus = true; break;
                case ' ': _space = true; break;
                case '0': _zero = true; break;
                case '#': _sharp = true; break;
                default: return i;
            }
        }

        return i;
    }

    public int ParseWidthAndPrecision(string format, int i)
    {
        (_width, i) = Digits(format, i);
        if (i < format.Length && format[i] == '.')
        {
            (_precision, i) = Digits(format, i + 1);
            _precision ??= 0;
        }

        return i;
    }

    public string Apply(char verb, HclValue value, int position)
    {
        var text = verb switch
        {
            'v' => _sharp ? HclJson.Encode(value) : Default(value),
            's' => String(value, position),
            'q' => Quote(String(value, position)),
            't' => HclConvert.TryToBool(value, out var b) ? (b ? "true" : "false") : throw Bad(verb, position, "bool"),
            'd' => Sign(Integer(value, verb, position).ToString(CultureInfo.InvariantCulture)),
            'b' => Sign(Based(Integer(value, verb, position), 2)),
            'o' => Sign(Based(Integer(value, verb, position), 8)),
            'x' => Sign(Hex(value, verb, position, false)),
            'X' => Sign(Hex(value, verb, position, true)),
            'f' or 'F' => Sign(Fixed(Number(value, verb, position), _precision ?? 6)),
            'e' or 'E' => Sign(BigFloatFormatter.FormatExponent(Number(value, verb, position), _precision ?? 6, verb)),
            'g' or 'G' => Sign(BigFloatFormatter.FormatGeneral(Number(value, verb, position), verb)),
            _ => throw new HclFunctionException($"unsupported format verb %{verb}", 0),
        };
        if (verb is 's' or 'v' or 'q' && _precision is { } p && verb == 's' && text.Length > p)
        {
            text = text[..p];
        }

        return Pad(text);
    }

    private static (int?, int) Digits(string format, int i)
    {
        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return i == start ? (null, i) : (int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture), i);
    }

    private static string Default(HclValue value) => value switch
    {
        HclString s => s.Value,
        HclNull => "null",
        HclTuple or HclObject => HclJson.Encode(value),
        _ => HclConvert.TryToString(value, out var t) ? t : "",
    };

    private static string String(HclValue value, int position)
    {
        if (value.IsNull)
        {
            throw new HclFunctionException($"unsupported value for \"%s\" at {position}: null value cannot be formatted", position);
        }

        return HclConvert.TryToString(value, out var s) ? s : throw Bad('s', position, "string");
    }

    private static BigFloat Number(HclValue value, char verb, int position) =>
        !value.IsNull && HclConvert.TryToNumber(value, out var n) ? n : throw Bad(verb, position, "number");

    private static BigInteger Integer(HclValue value, char verb, int position)
    {
        var n = Number(value, verb, position);
        return n.IsInteger ? n.Truncate() : throw Bad(verb, position, "integer");
    }

    private static HclFunctionException Bad(char verb, int position, string wanted) =>
        new($"unsupported value for \"%{verb}\" at {position}: {wanted} required", position);

    private string Hex(HclValue value, char verb, int position, bool upper)
    {
        if (value is HclString s)
        {
            var hex = Convert.ToHexString(Encoding.UTF8.GetBytes(s.Value));
            return upper ? hex : hex.ToLowerInvariant();
        }

        var text = Based(Integer(value, verb, position), 16);
        text = upper ? text.ToUpperInvariant() : text;
        return _sharp ? (upper ? "0X" : "0x") + text : text;
    }

    private static string Based(BigInteger n, int radix)
    {
        if (n.IsZero)
        {
            return "0";
        }

        var negative = n.Sign < 0;
        n = BigInteger.Abs(n);
        var sb = new StringBuilder();
        while (!n.IsZero)
        {
            sb.Insert(0, "0123456789abcdef"[(int)(n % radix)]);
            n /= radix;
        }

        return negative ? "-" + sb : sb.ToString();
    }

    /// <summary>The value rounded half-to-even to <paramref name="digits"/> decimals, as big.Float's 'f' format does.</summary>
    internal static string Fixed(BigFloat value, int digits)
    {
        var scaled = RoundScaled(value, digits);
        var negative = scaled.Sign < 0 || (scaled.IsZero && value.Sign < 0);
        var text = BigInteger.Abs(scaled).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var result = digits == 0 ? text : text[..^digits] + "." + text[^digits..];
        return negative ? "-" + result : result;
    }

    private static BigInteger RoundScaled(BigFloat value, int digits)
    {
        var numerator = value.Mantissa * BigInteger.Pow(10, digits);
        var denominator = BigInteger.One;
        if (value.Exponent >= 0)
        {
            numerator <<= value.Exponent;
        }
        else
        {
            denominator <<= -value.Exponent;
        }

        var quotient = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        return numerator.Sign < 0 ? -quotient : quotient;
    }

    private string Sign(string text) => text.StartsWith('-') ? text : _plus ? "+" + text : _space ? " " + text : text;

    private static string Quote(string s)
    {
        var sb = new StringBuilder();
        HclJson.WriteString(sb, s);
        return sb.ToString();
    }

    private string Pad(string text)
    {
        if (_width is not { } width || text.Length >= width)
        {
            return text;
        }

        if (_minus)
        {
            return text.PadRight(width);
        }

        if (_zero && text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text.Contains('.')))
        {
            var signed = text[0] is '-' or '+' or ' ';
            return signed ? text[0] + text[1..].PadLeft(width - 1, '0') : text.PadLeft(width, '0');
        }

        return text.PadLeft(width);
    }
}
