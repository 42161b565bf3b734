using System.Collections.Immutable;
using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// Step one of the frontend: Dockerfile text to untyped nodes with source ranges. Handles parser directives,
/// comments, line continuations with the escape character, and here-documents. Never throws on user input:
/// every problem becomes a diagnostic and parsing goes on.
/// </summary>
internal sealed class DockerfileParser
{
    private static readonly HashSet<string> HeredocInstructions = new(StringComparer.Ordinal) { "run", "copy", "add" };

    private readonly string _file;
    private readonly List<string> _lines;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ParserDirective> _directives = [];
    private readonly List<Node> _nodes = [];
    private readonly DirectiveParser _directiveParser = new();
    private char _escape = '\\';
    private int _next;

    private DockerfileParser(string text, string file)
    {
        _file = file;
        _lines = SplitLines(text);
    }

    /// <summary>Parses a whole Dockerfile; <paramref name="file"/> names it in spans.</summary>
    public static ParseResult Parse(string text, string file = "Dockerfile")
    {
        var parser = new DockerfileParser(text, file);
        parser.Run();
        return new ParseResult(file, text, parser._escape, [.. parser._directives], [.. parser._nodes], [.. parser._diagnostics]);
    }

    private void Run()
    {
        var comments = new List<string>();
        while (_next < _lines.Count)
        {
            var lineNo = _next + 1;
            var content = TrimNewline(_lines[_next++]);
            var stripped = content.TrimStart();
            var indent = content.Length - stripped.Length;
            ProcessDirective(stripped, lineNo, indent);
            if (stripped.StartsWith('#'))
            {
                var comment = stripped[1..].Trim();
                if (comment.Length == 0)
                {
                    comments.Clear();
                }
                else
                {
                    comments.Add(comment);
                }

                continue;
            }

            _directiveParser.Stop();
            var (body, endOfLine) = TrimContinuation(stripped);
            if (endOfLine && body.Length == 0)
            {
                continue;
            }

            var line = new LogicalLine(_file);
            line.Append(body, lineNo, indent + 1);
            var endLine = lineNo;
            var endColumn = content.Length + 1;
            var emptyContinuation = false;
            while (!endOfLine && _next < _lines.Count)
            {
                var n = _next + 1;
                var next = TrimNewline(_lines[_next++]);
                var trimmed = next.TrimStart();
                if (trimmed.StartsWith('#'))
                {
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    emptyContinuation = true;
                    continue;
                }

                (body, endOfLine) = TrimContinuation(next);
                line.Append(body, n, 1);
                endLine = n;
                endColumn = next.Length + 1;
            }

            var span = new SourceSpan(_file, new SourcePosition(lineNo, indent + 1), new SourcePosition(endLine, endColumn));
            if (emptyContinuation)
            {
                _diagnostics.Add(Diagnostic.Warning(ErrorCodes.DockerfileEmptyContinuationLine, "Empty continuation line found", span));
            }

            var node = NodeBuilder.Build(line, 0, line.Length, _escape, span, _diagnostics);
            var heredocHost = node is { Name: "onbuild", Trigger: { } trigger } ? trigger : node;
            if (HeredocInstructions.Contains(heredocHost.Name) && !heredocHost.IsJson)
            {
                node = ReadHeredocs(node, line.Text, span);
            }

            _nodes.Add(node with { Comments = [.. comments] });
            comments.Clear();
        }
    }

    private Node ReadHeredocs(Node node, string text, SourceSpan span)
    {
        var openers = HeredocDetector.Detect(text);
        if (openers.Count == 0)
        {
            return node;
        }

        var heredocs = ImmutableArray.CreateBuilder<Heredoc>();
        var end = span.End;
        var hasError = node.HasError;
        foreach (var (name, expand, chomp, fd) in openers)
        {
            var first = _next + 1;
            var body = new StringBuilder();
            var terminated = false;
            while (_next < _lines.Count)
            {
                var raw = _lines[_next++];
                var candidate = TrimNewline(raw);
                if (chomp)
                {
                    candidate = candidate.TrimStart('\t');
                }

                end = new SourcePosition(_next, TrimNewline(raw).Length + 1);
                if (candidate == name)
                {
                    terminated = true;
                    break;
                }

                body.Append(raw);
            }

            var bodySpan = new SourceSpan(_file, new SourcePosition(Math.Min(first, Math.Max(_next, 1)), 1), end);
            if (!terminated)
            {
                hasError = true;
                _diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.DockerfileUnterminatedHeredoc, $"unterminated heredoc {name}", span with { End = end }));
            }

            heredocs.Add(new Heredoc(name, body.ToString(), expand, chomp, fd, bodySpan));
        }

        return node with { Heredocs = heredocs.ToImmutable(), Span = span with { End = end }, HasError = hasError };
    }

    private void ProcessDirective(string stripped, int lineNo, int indent)
    {
        var directive = _directiveParser.ParseLine(stripped, out var duplicate);
        if (directive is not { } d)
        {
            return;
        }

        var span = new SourceSpan(_file, new SourcePosition(lineNo, indent + 1), new SourcePosition(lineNo, indent + stripped.Length + 1));
        if (duplicate)
        {
            _diagnostics.Add(Diagnostic.Error(
                ErrorCodes.DockerfileDuplicateDirective, $"only one {d.Name} parser directive can be used", span));
            return;
        }

        if (d.Name == "escape")
        {
            if (d.Value is not ("\\" or "`"))
            {
                _diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.DockerfileInvalidDirective, $"invalid escape token '{d.Value}' does not match ` or \\", span));
                return;
            }

            _escape = d.Value[0];
        }

        _directives.Add(new ParserDirective(d.Name, d.Value, span));
    }

    /// <summary>Removes a trailing escape character (plus spaces and tabs after it); false when one was found.</summary>
    private (string Body, bool EndOfLine) TrimContinuation(string line)
    {
        var i = line.Length - 1;
        while (i >= 0 && line[i] is ' ' or '\t')
        {
            i--;
        }

        return i >= 0 && line[i] == _escape ? (line[..i], false) : (line, true);
    }

    private static string TrimNewline(string line) => line.TrimEnd('\r', '\n');

    /// <summary>Splits into lines that keep their terminators; a UTF-8 byte-order mark is dropped.</summary>
    private static List<string> SplitLines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
