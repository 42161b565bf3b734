using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// Splits ENV and LABEL arguments: <c>name=value ...</c>, or the legacy <c>name value</c> when the first word
/// has no '=' (the rest of the line is then the value).
/// </summary>
internal static class KeyValueArgs
{
    public static void Parse(NodeBuilder.Context c, string keyword)
    {
        var words = ArgumentSplitter.SplitWords(c.Line, c.Start, c.End, c.Escape);
        if (words.Count == 0)
        {
            return;
        }

        var text = c.Line.Text;
        if (!words[0].Text.Contains('=', StringComparison.Ordinal))
        {
            var keyEnd = c.Start;
            while (keyEnd < c.End && !ArgumentSplitter.IsSeparator(text[keyEnd]))
            {
                keyEnd++;
            }

            var valueStart = keyEnd;
            while (valueStart < c.End && ArgumentSplitter.IsSeparator(text[valueStart]))
            {
                valueStart++;
            }

            if (keyEnd >= c.End)
            {
                c.Error(ErrorCodes.DockerfileInvalidKeyValue, $"{keyword} must have two arguments");
                return;
            }

            c.Legacy = true;
            c.Args.Add(c.Line.WordOf(text[c.Start..keyEnd], c.Start, keyEnd));
            c.Args.Add(c.Line.WordOf(text[valueStart..c.End], valueStart, c.End));
            return;
        }

        foreach (var word in words)
        {
            var eq = word.Text.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                c.Args.Clear();
                c.Error(ErrorCodes.DockerfileInvalidKeyValue, $"Syntax error - can't find = in \"{word.Text}\". Must be of the form: name=value");
                return;
            }

            var start = word.Span.Start;
            var keySpan = word.Span with { End = start with { Column = start.Column + eq } };
            var valueSpan = word.Span with { Start = start with { Column = start.Column + eq + 1 } };
            c.Args.Add(new Word(word.Text[..eq], keySpan));
            c.Args.Add(new Word(word.Text[(eq + 1)..], valueSpan));
        }
    }
}
