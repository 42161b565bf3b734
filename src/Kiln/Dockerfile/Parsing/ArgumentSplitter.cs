using System.Text;

namespace Kiln.Dockerfile.Parsing;

/// <summary>The two ways BuildKit splits shell-form arguments: on whitespace only, or into words that respect quotes.</summary>
internal static class ArgumentSplitter
{
    /// <summary>Splits on runs of space, tab, vertical tab, form feed and carriage return, keeping everything else.</summary>
    public static List<Word> SplitWhitespace(LogicalLine line, int start, int end)
    {
        var text = line.Text;
        var words = new List<Word>();
        var pos = start;
        while (pos < end)
        {
            while (pos < end && IsSeparator(text[pos]))
            {
                pos++;
            }

            if (pos >= end)
            {
                break;
            }

            var wordStart = pos;
            while (pos < end && !IsSeparator(text[pos]))
            {
                pos++;
            }

            words.Add(line.WordOf(text[wordStart..pos], wordStart, pos));
        }

        return words;
    }

    /// <summary>
    /// Splits into words at unquoted whitespace; quotes and escape characters stay in the words so that the
    /// expansion step sees the raw text.
    /// </summary>
    public static List<Word> SplitWords(LogicalLine line, int start, int end, char escape)
    {
        var text = line.Text;
        var words = new List<Word>();
        var word = new StringBuilder();
        var wordStart = -1;
        var quote = '\0';
        var blankOk = false;
        var inWord = false;
        for (var pos = start; pos < end; pos++)
        {
            var ch = text[pos];
            if (!inWord)
            {
                if (char.IsWhiteSpace(ch))
                {
                    continue;
                }

                inWord = true;
                wordStart = pos;
            }

            if (quote == '\0')
            {
                if (char.IsWhiteSpace(ch))
                {
                    Flush(pos);
                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                }
                else if (ch == escape)
                {
                    if (pos + 1 == end)
                    {
                        continue;
                    }

                    word.Append(ch);
                    pos++;
                    ch = text[pos];
                }

                word.Append(ch);
                continue;
            }

            var closes = ch == quote;
            if (ch == escape && quote != '\'')
            {
                if (pos + 1 == end)
                {
                    quote = '\0';
                    continue;
                }

                word.Append(ch);
                pos++;
                ch = text[pos];
                closes = false;
            }

            if (closes)
            {
                quote = '\0';
            }

            word.Append(ch);
        }

        if (inWord)
        {
            Flush(end);
        }

        return words;

        void Flush(int at)
        {
            if (blankOk || word.Length > 0)
            {
                var last = at;
                while (last > wordStart && char.IsWhiteSpace(text[last - 1]))
                {
                    last--;
                }

                words.Add(line.WordOf(word.ToString(), wordStart, last));
            }

            word.Clear();
            blankOk = false;
            inWord = false;
            quote = '\0';
        }
    }

    public static bool IsSeparator(char ch) => ch is ' ' or '\t' or '\v' or '\f' or '\r';
}
