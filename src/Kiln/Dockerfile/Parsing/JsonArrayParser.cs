using System.Globalization;
using System.Text;

namespace Kiln.Dockerfile.Parsing;

/// <summary>The outcome of reading exec-form arguments.</summary>
internal enum JsonArrayStatus
{
    /// <summary>A JSON array of strings; trailing text after it is ignored, as Go's decoder does.</summary>
    Strings,

    /// <summary>Not JSON at all: the instruction falls back to shell form.</summary>
    NotJson,

    /// <summary>Valid JSON that is not an array of strings: an error, not a fallback.</summary>
    NotStringArray,
}

/// <summary>
/// Reads the exec form <c>["a", "b"]</c> with the exact acceptance of Go's encoding/json: the first JSON
/// value must be syntactically valid; its elements must all be strings.
/// </summary>
internal static class JsonArrayParser
{
    // Go allows 10000 levels; deeper input is treated as invalid JSON here to bound recursion.
    private const int MaxDepth = 1000;

    public static (JsonArrayStatus Status, List<Word> Items) Parse(LogicalLine line, int start, int end)
    {
        var text = line.Text;
        var items = new List<Word>();
        var pos = start;
        while (pos < end && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        if (pos >= end || text[pos] != '[')
        {
            return (JsonArrayStatus.NotJson, items);
        }

        var reader = new Reader(text, pos, end);
        var onlyStrings = reader.ReadTopArray(line, items);
        if (reader.Failed)
        {
            return (JsonArrayStatus.NotJson, []);
        }

        return onlyStrings ? (JsonArrayStatus.Strings, items) : (JsonArrayStatus.NotStringArray, []);
    }

    private sealed class Reader(string text, int pos, int end)
    {
        private int _pos = pos;

        public bool Failed { get; private set; }

        public bool ReadTopArray(LogicalLine line, List<Word> items)
        {
            var onlyStrings = true;
            _pos++;
            SkipWs();
            if (Peek() == ']')
            {
                _pos++;
                return true;
            }

            while (!Failed)
            {
                SkipWs();
                if (Peek() == '"')
                {
                    var s = _pos;
                    var value = ReadString();
                    if (!Failed)
                    {
                        items.Add(line.WordOf(value, s, _pos));
                    }
                }
                else
                {
                    onlyStrings = false;
                    ReadValue(1);
                }

                SkipWs();
                var c = Peek();
                _pos++;
                if (c == ']')
                {
                    return onlyStrings;
                }

                if (c != ',')
                {
                    Failed = true;
                }
            }

            return false;
        }

        private void ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                Failed = true;
                return;
            }

            SkipWs();
            var c = Peek();
            switch (c)
            {
                case '"':
                    ReadString();
                    break;
                case '[':
                    ReadContainer(']', depth, isObject: false);
                    break;
                case '{':
                    ReadContainer('}', depth, isObject: true);
                    break;
                case 't':
                    Literal("true");
                    break;
                case 'f':
                    Literal("false");
                    break;
                case 'n':
                    Literal("null");
                    break;
                default:
                    ReadNumber();
                    break;
            }
        }

        private void ReadContainer(char close, int depth, bool isObject)
        {
            _pos++;
            SkipWs();
            if (Peek() == close)
            {
                _pos++;
                return;
            }

            while (!Failed)
            {
                SkipWs();
                if (isObject)
                {
                    if (Peek() != '"')
                    {
                        Failed = true;
                        return;
                    }

                    ReadString();
                    SkipWs();
                    if (Peek() != ':')
                    {
                        Failed = true;
                        return;
                    }

                    _pos++;
                }

                ReadValue(depth + 1);
                SkipWs();
                var c = Peek();
                _pos++;
                if (c == close)
                {
                    return;
                }

                if (c != ',')
                {
                    Failed = true;
                }
            }
        }

        private string ReadString()
        {
            var sb = new StringBuilder();
            _pos++;
            while (_pos < end)
            {
                var c = text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c < 0x20)
                {
                    break;
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (_pos >= end)
                {
                    break;
                }

                var e = text[_pos++];
                switch (e)
                {
                    case '"' or '\\' or '/':
                        sb.Append(e);
                        break;
                    case 'b':
                        sb.Append('\b');
                        break;
                    case 'f':
                        sb.Append('\f');
                        break;
                    case 'n':
                        sb.Append('\n');
                        break;
                    case 'r':
                        sb.Append('\r');
                        break;
                    case 't':
                        sb.Append('\t');
                        break;
                    case 'u' when _pos + 4 <= end && int.TryParse(text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        Failed = true;
                        return "";
                }
            }

            Failed = true;
            return "";
        }

        private void ReadNumber()
        {
            var s = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
            }
            else if (Digits() == 0)
            {
                Failed = true;
                return;
            }

            if (Peek() == '.')
            {
                _pos++;
                if (Digits() == 0)
                {
                    Failed = true;
                    return;
                }
            }

            if (Peek() is 'e' or 'E')
            {
                _pos++;
                if (Peek() is '+' or '-')
                {
                    _pos++;
                }

                if (Digits() == 0)
                {
                    Failed = true;
                }
            }

            Failed |= _pos == s;
        }

        private int Digits()
        {
            var s = _pos;
            while (_pos < end && text[_pos] is >= '0' and <= '9')
            {
                _pos++;
            }

            return _pos - s;
        }

        private void Literal(string word)
        {
            if (end - _pos >= word.Length && string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return;
            }

            Failed = true;
        }

        private char Peek() => _pos < end ? text[_pos] : '\0';

        private void SkipWs()
        {
            while (_pos < end && text[_pos] is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
        }
    }
}
