using System.Collections.Immutable;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary><c>format</c> and <c>formatlist</c>: printf-style formatting with cty's verbs.</summary>
internal static class FormatFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Variadic("format", 1, a => HclValue.From(Format(a.String(0), a.Values[1..]))),
        HclFunction.Variadic("formatlist", 1, FormatList),
    ];

    public static string Format(string format, ImmutableArray<HclValue> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                sb.Append(format[i]);
                continue;
            }

            if (++i >= format.Length)
            {
                throw new HclFunctionException("invalid format string: unterminated verb", 0);
            }

            if (format[i] == '%')
            {
                sb.Append('%');
                continue;
            }

            var spec = new FormatSpec();
            i = spec.ParseFlags(format, i);
            if (format[i] == '[')
            {
                var close = format.IndexOf(']', i);
                if (close < 0 || !int.TryParse(format.AsSpan(i + 1, close - i - 1), out var position) || position < 1)
                {
                    throw new HclFunctionException("invalid format string: bad argument index", 0);
                }

                next = position - 1;
                i = close + 1;
            }

            i = spec.ParseWidthAndPrecision(format, i);
            if (i >= format.Length)
            {
                throw new HclFunctionException("invalid format string: unterminated verb", 0);
            }

            if (next >= args.Length)
            {
                throw new HclFunctionException($"not enough arguments for \"%{format[i]}\" at {i}: need index {next + 1} but have {args.Length} total", 0);
            }

            sb.Append(spec.Apply(format[i], args[next], next + 1));
            next++;
        }

        if (next < args.Length && !format.Contains('['))
        {
            throw new HclFunctionException($"too many arguments; only {next} used by format string", 0);
        }

        return sb.ToString();
    }

    private static HclValue FormatList(FunctionArguments a)
    {
        var format = a.String(0);
        var length = -1;
        for (var i = 1; i < a.Count; i++)
        {
            if (a[i] is HclTuple t)
            {
                if (length >= 0 && t.Count != length)
                {
                    throw new HclFunctionException($"argument {i + 1} has length {t.Count}, which is inconsistent with previous list arguments of length {length}", i);
                }

                length = t.Count;
            }
        }

        if (length < 0)
        {
            length = 1;
        }

        var results = new List<HclValue>(length);
        for (var n = 0; n < length; n++)
        {
            var row = a.Values[1..].Select(v => v is HclTuple t ? t.Items[n] : v).ToImmutableArray();
            results.Add(HclValue.From(Format(format, row)));
        }

        return HclValue.Tuple(results);
    }
}
