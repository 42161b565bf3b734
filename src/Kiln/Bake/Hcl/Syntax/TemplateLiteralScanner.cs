using System.Globalization;
using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>Reads the literal text of quoted and heredoc templates, resolving escapes.</summary>
internal sealed class TemplateLiteralScanner(SourceReader reader, string file, List<Diagnostic> diagnostics)
{
    /// <summary>Reads quoted-string text up to a quote, a <c>${</c> or <c>%{</c>, a line end or the end of input.</summary>
    public string ScanQuoted()
    {
        var sb = new StringBuilder();
        while (!reader.AtEnd && !reader.AtNewline && reader.Current != '"')
        {
            if (TryTemplateEscape(sb))
            {
                continue;
            }

            if (IsSequenceStart())
            {
                break;
            }

            if (reader.Current == '\\')
            {
                ScanEscape(sb);
                continue;
            }

            sb.Append(reader.Current);
            reader.Advance();
        }

        return sb.ToString();
    }

    /// <summary>Reads heredoc text up to a <c>${</c> or <c>%{</c>, or through the end of the line.</summary>
    public string ScanHeredocLine()
    {
        var sb = new StringBuilder();
        while (!reader.AtEnd)
        {
            if (TryTemplateEscape(sb))
            {
                continue;
            }

            if (IsSequenceStart())
            {
                break;
            }

            if (reader.AtNewline)
            {
                reader.AdvanceNewline();
                sb.Append('\n');
                break;
            }

            sb.Append(reader.Current);
            reader.Advance();
        }

        return sb.ToString();
    }

    private bool IsSequenceStart() => (reader.Current == '$' || reader.Current == '%') && reader.Peek(1) == '{';

    private bool TryTemplateEscape(StringBuilder sb)
    {
        if ((reader.StartsWith("$${") || reader.StartsWith("%%{")))
        {
            sb.Append(reader.Current).Append('{');
            reader.Advance(3);
            return true;
        }

        return false;
    }

    private void ScanEscape(StringBuilder sb)
    {
        var start = reader.Position;
        reader.Advance();
        var c = reader.Current;
        switch (c)
        {
            case 'n': sb.Append('\n'); reader.Advance(); return;
            case 'r': sb.Append('\r'); reader.Advance(); return;
            case 't': sb.Append('\t'); reader.Advance(); return;
            case '"': sb.Append('"'); reader.Advance(); return;
            case '\\': sb.Append('\\'); reader.Advance(); return;
            case 'u' or 'U':
                ScanUnicodeEscape(sb, c == 'u' ? 4 : 8, start);
                return;
            default:
                reader.Advance();
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.HclInvalidEscape,
                    $"Invalid escape sequence: the symbol \"{c}\" is not a valid escape",
                    new SourceSpan(file, start, reader.Position)));
                return;
        }
    }

    private void ScanUnicodeEscape(StringBuilder sb, int length, SourcePosition start)
    {
        reader.Advance();
        var hex = new StringBuilder();
        while (hex.Length < length && char.IsAsciiHexDigit(reader.Current))
        {
            hex.Append(reader.Current);
            reader.Advance();
        }

        if (hex.Length != length ||
            !int.TryParse(hex.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) ||
            code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.HclInvalidEscape,
                $"Invalid escape sequence: \\{(length == 4 ? 'u' : 'U')} must be followed by {length} hexadecimal digits of a valid code point",
                new SourceSpan(file, start, reader.Position)));
            return;
        }

        sb.Append(char.ConvertFromUtf32(code));
    }
}
