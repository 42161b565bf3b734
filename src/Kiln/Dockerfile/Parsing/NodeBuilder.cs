using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// Turns one logical line into a <see cref="Node"/>: keyword, flags, then the arguments split the way the
/// instruction's argument style (a table keyed by keyword) asks for.
/// </summary>
internal static class NodeBuilder
{
    private delegate void ArgStyle(Context context);

    private static readonly Dictionary<string, ArgStyle> Styles = new(StringComparer.Ordinal)
    {
        ["add"] = MaybeJsonToList,
        ["copy"] = MaybeJsonToList,
        ["volume"] = MaybeJsonToList,
        ["arg"] = c => c.Args.AddRange(ArgumentSplitter.SplitWords(c.Line, c.Start, c.End, c.Escape)),
        ["cmd"] = MaybeJson,
        ["entrypoint"] = MaybeJson,
        ["run"] = MaybeJson,
        ["shell"] = MaybeJson,
        ["env"] = c => KeyValueArgs.Parse(c, "ENV"),
        ["label"] = c => KeyValueArgs.Parse(c, "LABEL"),
        ["expose"] = Whitespace,
        ["from"] = Whitespace,
        ["healthcheck"] = Healthcheck,
        ["maintainer"] = WholeText,
        ["stopsignal"] = WholeText,
        ["user"] = WholeText,
        ["workdir"] = WholeText,
        ["onbuild"] = OnBuild,
    };

    public static bool IsKnown(string name) => Styles.ContainsKey(name);

    /// <summary>Builds the node for text[start..end) of <paramref name="line"/>; errors go to <paramref name="diagnostics"/>.</summary>
    public static Node Build(LogicalLine line, int start, int end, char escape, SourceSpan span, List<Diagnostic> diagnostics)
    {
        var text = line.Text;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var kwEnd = start;
        while (kwEnd < end && !ArgumentSplitter.IsSeparator(text[kwEnd]))
        {
            kwEnd++;
        }

        var keyword = text[start..kwEnd];
        var (flags, argsStart) = kwEnd < end ? FlagExtractor.Extract(line, kwEnd, end) : ([], end);
        while (argsStart < end && char.IsWhiteSpace(text[argsStart]))
        {
            argsStart++;
        }

        var context = new Context(line, argsStart, end, escape, span, diagnostics, keyword);
        if (Styles.TryGetValue(keyword.ToLowerInvariant(), out var style))
        {
            style(context);
        }

        var rest = argsStart < end ? line.WordOf(text[argsStart..end], argsStart, end) : null;
        return new Node(keyword, [.. flags], [.. context.Args], context.IsJson, rest, text[start..end], span, line.SpanOf(start, kwEnd))
        {
            LegacyKeyValue = context.Legacy,
            Trigger = context.Trigger,
            HasError = context.HasError,
        };
    }

    private static void MaybeJson(Context c)
    {
        if (c.Start >= c.End || TryJson(c))
        {
            return;
        }

        c.Args.Add(c.Line.WordOf(c.Line.Text[c.Start..c.End], c.Start, c.End));
    }

    private static void MaybeJsonToList(Context c)
    {
        if (!TryJson(c))
        {
            Whitespace(c);
        }
    }

    /// <summary>Returns true when the arguments were consumed as JSON (or rejected as a non-string array).</summary>
    private static bool TryJson(Context c)
    {
        var (status, items) = JsonArrayParser.Parse(c.Line, c.Start, c.End);
        switch (status)
        {
            case JsonArrayStatus.Strings:
                c.Args.AddRange(items);
                c.IsJson = true;
                return true;
            case JsonArrayStatus.NotStringArray:
                c.Error(ErrorCodes.DockerfileJsonNotStringArray, "when using JSON array syntax, arrays must be comprised of strings only");
                return true;
            default:
                return false;
        }
    }

    private static void Whitespace(Context c) => c.Args.AddRange(ArgumentSplitter.SplitWhitespace(c.Line, c.Start, c.End));

    private static void WholeText(Context c)
    {
        if (c.Start < c.End)
        {
            c.Args.Add(c.Line.WordOf(c.Line.Text[c.Start..c.End], c.Start, c.End));
        }
    }

    private static void Healthcheck(Context c)
    {
        var text = c.Line.Text;
        var sep = c.Start;
        while (sep < c.End && !char.IsWhiteSpace(text[sep]))
        {
            sep++;
        }

        if (sep == c.Start)
        {
            return;
        }

        c.Args.Add(c.Line.WordOf(text[c.Start..sep], c.Start, sep));
        var next = sep;
        while (next < c.End && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        MaybeJson(c with { Start = next });
    }

    private static void OnBuild(Context c)
    {
        if (c.Start >= c.End)
        {
            return;
        }

        c.Trigger = Build(c.Line, c.Start, c.End, c.Escape, c.Span, c.Diagnostics);
        c.HasError |= c.Trigger.HasError;
    }

    /// <summary>The state one argument style works on; a record so a style can narrow the range.</summary>
    internal sealed record Context(LogicalLine Line, int Start, int End, char Escape, SourceSpan Span, List<Diagnostic> Diagnostics, string Keyword)
    {
        private readonly Box _box = new();

        public List<Word> Args => _box.Args;

        public bool IsJson { get => _box.IsJson; set => _box.IsJson = value; }

        public bool Legacy { get => _box.Legacy; set => _box.Legacy = value; }

        public bool HasError { get => _box.HasError; set => _box.HasError = value; }

        public Node? Trigger { get => _box.Trigger; set => _box.Trigger = value; }

        public void Error(ErrorCode code, string message)
        {
            HasError = true;
            Diagnostics.Add(Diagnostic.Error(code, message, Span));
        }

        private sealed class Box
        {
            public List<Word> Args { get; } = [];

            public bool IsJson { get; set; }

            public bool Legacy { get; set; }

            public bool HasError { get; set; }

            public Node? Trigger { get; set; }
        }
    }
}
