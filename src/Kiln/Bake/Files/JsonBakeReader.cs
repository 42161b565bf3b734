using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Files;

/// <summary>
/// Reads a JSON bake file into the same body HCL files give, as HCL's JSON syntax does: <c>target</c>, <c>group</c>,
/// <c>variable</c> and <c>function</c> objects are blocks keyed by label, other keys are attributes, strings are templates.
/// </summary>
internal sealed class JsonBakeReader
{
    private static readonly HashSet<string> BlockTypes = new(StringComparer.Ordinal) { "target", "group", "variable", "function" };
    private readonly string _fileName;
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];
    private readonly List<Diagnostic> _diagnostics = [];

    private JsonBakeReader(string source, string fileName)
    {
        _fileName = fileName;
        _bytes = Encoding.UTF8.GetBytes(source);
        for (var i = 0; i < _bytes.Length; i++)
        {
            if (_bytes[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static HclParseResult Read(string source, string fileName)
    {
        var reader = new JsonBakeReader(source, fileName);
        var body = reader.ReadRoot();
        return new HclParseResult(fileName, source, body, [.. reader._diagnostics]);
    }

    private HclBody ReadRoot()
    {
        var empty = new HclBody([], [], At(0));
        var json = new Utf8JsonReader(_bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                _diagnostics.Add(Diagnostic.Error(ErrorCodes.BakeInvalidJson, "a JSON bake file must hold an object", At((int)json.TokenStartIndex)));
                return empty;
            }

            var body = ReadBody(ref json, root: true, blockType: null);
            if (json.Read())
            {
                _diagnostics.Add(Diagnostic.Error(ErrorCodes.BakeInvalidJson, "extra data after the JSON object", At((int)json.TokenStartIndex)));
            }

            return body;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var position = new SourcePosition(line, column);
            _diagnostics.Add(Diagnostic.Error(ErrorCodes.BakeInvalidJson, "invalid JSON: " + ex.Message.Split(" LineNumber:")[0].Split(". Change the reader options")[0], new SourceSpan(_fileName, position, position)));
            return empty;
        }
    }

    // The reader is on StartObject; reads to its EndObject.
    private HclBody ReadBody(ref Utf8JsonReader json, bool root, string? blockType)
    {
        var start = (int)json.TokenStartIndex;
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var key = json.GetString()!;
            var keySpan = Span((int)json.TokenStartIndex, (int)json.BytesConsumed);
            json.Read();
            if (root && BlockTypes.Contains(key) && json.TokenType == JsonTokenType.StartObject)
            {
                ReadBlocks(ref json, key, keySpan, blocks);
                continue;
            }

            var value = blockType == "function" ? ReadFunctionPart(ref json, key) : ReadValue(ref json);
            attributes.Add(new HclAttribute(key, value, keySpan, new SourceSpan(_fileName, keySpan.Start, value.Span.End)));
        }

        return new HclBody(attributes.ToImmutable(), blocks.ToImmutable(), Span(start, (int)json.BytesConsumed));
    }

    private void ReadBlocks(ref Utf8JsonReader json, string type, SourceSpan typeSpan, ImmutableArray<HclBlock>.Builder blocks)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var label = json.GetString()!;
            var labelSpan = Span((int)json.TokenStartIndex, (int)json.BytesConsumed);
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                _diagnostics.Add(Diagnostic.Error(ErrorCodes.BakeFieldType, $"{type} \"{label}\" must be a JSON object", At((int)json.TokenStartIndex)));
                json.Skip();
                continue;
            }

            var body = ReadBody(ref json, root: false, blockType: type);
            blocks.Add(new HclBlock(type, [label], [labelSpan], body, typeSpan, new SourceSpan(_fileName, labelSpan.Start, body.Span.End)));
        }
    }

    private Expression ReadValue(ref Utf8JsonReader json)
    {
        var start = (int)json.TokenStartIndex;
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return Template(json.GetString()!, Span(start, (int)json.BytesConsumed));
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(json.ValueSpan);
                return new LiteralExpression(HclValue.From(BigFloat.Parse(text)), Span(start, (int)json.BytesConsumed));
            case JsonTokenType.True or JsonTokenType.False:
                return new LiteralExpression(HclValue.From(json.TokenType == JsonTokenType.True), Span(start, (int)json.BytesConsumed));
            case JsonTokenType.Null:
                return new LiteralExpression(HclValue.Null, Span(start, (int)json.BytesConsumed));
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<Expression>();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref json));
                }

                return new TupleExpression(items.ToImmutable(), Span(start, (int)json.BytesConsumed));
            default:
                var entries = ImmutableArray.CreateBuilder<ObjectItem>();
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var key = new LiteralExpression(HclValue.From(json.GetString()!), Span((int)json.TokenStartIndex, (int)json.BytesConsumed));
                    json.Read();
                    entries.Add(new ObjectItem(key, ReadValue(ref json)));
                }

                return new ObjectExpression(entries.ToImmutable(), Span(start, (int)json.BytesConsumed));
        }
    }

    // In a function block, params are names and variadic_params one name, written as JSON strings.
    private Expression ReadFunctionPart(ref Utf8JsonReader json, string key)
    {
        var value = ReadValue(ref json);
        return (key, value) switch
        {
            ("params", TupleExpression t) => t with { Items = [.. t.Items.Select(AsName)] },
            ("variadic_params", _) => AsName(value),
            _ => value,
        };
    }

    private static Expression AsName(Expression e) =>
        e is LiteralExpression { Value: HclString s } ? new VariableExpression(s.Value, e.Span) : e;

    private Expression Template(string text, SourceSpan span)
    {
        if (!text.Contains("${", StringComparison.Ordinal) && !text.Contains("%{", StringComparison.Ordinal))
        {
            return new LiteralExpression(HclValue.From(text), span);
        }

        var (expression, diagnostics) = HclParser.ParseTemplate(text, _fileName);
        _diagnostics.AddRange(diagnostics.Select(d => d with { Span = span }));
        return expression;
    }

    private SourceSpan At(int offset) => Span(offset, offset);

    private SourceSpan Span(int start, int end) => new(_fileName, Position(start), Position(Math.Max(start, end - 1)));

    private SourcePosition Position(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }
}
