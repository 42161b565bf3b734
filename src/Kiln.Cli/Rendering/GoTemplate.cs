using System.Text;
using System.Text.Json.Nodes;
using Kiln.Diagnostics;

namespace Kiln.Cli.Rendering;

/// <summary>
/// The subset of Go's text/template that buildx users pass to --format: text, <c>{{.Field.Path}}</c>,
/// <c>{{json PIPELINE}}</c> and <c>{{range PIPELINE}}...{{end}}</c>, evaluated over JSON data. Go field names
/// match JSON keys ignoring case and punctuation (<c>.Manifest.MediaType</c> reads "mediaType",
/// <c>.Image.RootFS.DiffIDs</c> reads "rootfs"."diff_ids").
/// </summary>
internal sealed class GoTemplate
{
    private readonly List<Node> nodes;

    private GoTemplate(List<Node> nodes) => this.nodes = nodes;

    public static GoTemplate Parse(string text)
    {
        var pos = 0;
        var result = ParseNodes(text, ref pos, topLevel: true);
        return new GoTemplate(result);
    }

    public string Execute(JsonNode? data)
    {
        var sb = new StringBuilder();
        Execute(nodes, data, sb);
        return sb.ToString();
    }

    private static List<Node> ParseNodes(string text, ref int pos, bool topLevel)
    {
        var list = new List<Node>();
        while (pos < text.Length)
        {
            var open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0)
            {
                list.Add(new TextNode(text[pos..]));
                pos = text.Length;
                break;
            }

            if (open > pos)
            {
                list.Add(new TextNode(text[pos..open]));
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error($"unclosed action at offset {open}");
            }

            var action = text[(open + 2)..close].Trim();
            pos = close + 2;
            if (action == "end")
            {
                if (topLevel)
                {
                    throw Error("unexpected {{end}}");
                }

                return list;
            }

            if (action.StartsWith("range ", StringComparison.Ordinal))
            {
                var pipeline = ParsePipeline(action[6..]);
                var body = ParseNodes(text, ref pos, topLevel: false);
                list.Add(new RangeNode(pipeline, body));
                continue;
            }

            list.Add(new ActionNode(ParsePipeline(action)));
        }

        if (!topLevel)
        {
            throw Error("missing {{end}}");
        }

        return list;
    }

    private static Pipeline ParsePipeline(string action)
    {
        var words = action.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && IsPath(words[0]))
        {
            return new Pipeline(null, words[0]);
        }

        if (words.Length == 2 && words[0] == "json" && IsPath(words[1]))
        {
            return new Pipeline("json", words[1]);
        }

        throw Error($"unsupported template action \"{{{{{action}}}}}\" (supported: .Field, json .Field, range .Field ... end)");
    }

    private static bool IsPath(string word) => word.StartsWith('.');

    private static void Execute(List<Node> nodes, JsonNode? dot, StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode t:
                    sb.Append(t.Text);
                    break;
                case ActionNode a:
                    sb.Append(Evaluate(a.Pipeline, dot));
                    break;
                case RangeNode r:
                    var items = Resolve(r.Pipeline.Path, dot);
                    if (items is JsonArray array)
                    {
                        foreach (var item in array)
                        {
                            Execute(r.Body, item, sb);
                        }
                    }
                    else if (items is JsonObject obj)
                    {
                        foreach (var (_, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                        {
                            Execute(r.Body, value, sb);
                        }
                    }

                    break;
            }
        }
    }

    private static string Evaluate(Pipeline pipeline, JsonNode? dot)
    {
        var value = Resolve(pipeline.Path, dot);
        return pipeline.Function == "json" ? GoJson.Indent(value) : GoJson.Print(value);
    }

    private static JsonNode? Resolve(string path, JsonNode? dot)
    {
        var current = dot;
        foreach (var field in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is not JsonObject obj)
            {
                throw Error($"can't evaluate field {field} in {path}");
            }

            var key = obj.Select(p => p.Key).FirstOrDefault(k => Fold(k) == Fold(field));
            current = key is null ? null : obj[key];
        }

        return current;
    }

    private static string Fold(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static KilnException Error(string message) => new(ErrorCodes.InvalidArgument, $"--format: {message}");

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record ActionNode(Pipeline Pipeline) : Node;

    private sealed record RangeNode(Pipeline Pipeline, List<Node> Body) : Node;

    private sealed record Pipeline(string? Function, string Path);
}
