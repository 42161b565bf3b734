namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// Splits the leading <c>--flag</c> words off an instruction's argument text, as BuildKit does:
/// quotes group, a backslash escapes one character, and a lone <c>--</c> ends the flags.
/// </summary>
internal static class FlagExtractor
{
    /// <summary>Returns the flag words of text[start..end) and the offset where the arguments begin.</summary>
    public static (List<Word> Flags, int ArgsStart) Extract(LogicalLine line, int start, int end)
    {
        var text = line.Text;
        var flags = new List<Word>();
        var word = new System.Text.StringBuilder();
        var wordStart = -1;
        var pos = start;
        while (true)
        {
            while (pos < end && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= end)
            {
                return (flags, end);
            }

            if (text[pos] != '-' || pos + 1 >= end || text[pos + 1] != '-')
            {
                return (flags, pos);
            }

            word.Clear();
            wordStart = pos;
            var blankOk = false;
            var quote = '\0';
            while (pos < end)
            {
                var ch = text[pos];
                if (quote == '\0')
                {
                    if (char.IsWhiteSpace(ch))
                    {
                        break;
                    }

                    if (ch is '\'' or '"')
                    {
                        quote = ch;
                        blankOk = true;
                        pos++;
                        continue;
                    }
                }
                else if (ch == quote)
                {
                    quote = '\0';
                    pos++;
                    continue;
                }

                if (ch == '\\')
                {
                    if (pos + 1 >= end)
                    {
                        pos++;
                        continue;
                    }

                    pos++;
                    ch = text[pos];
                }

                word.Append(ch);
                pos++;
            }

            var value = word.ToString();
            if (value == "--")
            {
                return (flags, pos);
            }

            if (blankOk || value.Length > 0)
            {
                flags.Add(line.WordOf(value, wordStart, pos));
            }
        }
    }
}
