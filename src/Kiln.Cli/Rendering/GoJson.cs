using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Cli.Rendering;

/// <summary>Prints JSON values the way Go's encoding/json and fmt print them in buildx's templates.</summary>
internal static class GoJson
{
    private static readonly JsonWriterOptions IndentedOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>json.MarshalIndent(v, "", "  "): two-space indent, HTML characters escaped; null prints "null".</summary>
    public static string Indent(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, IndentedOptions))
        {
            value.WriteTo(writer);
        }

        // Go escapes these three everywhere; they can only occur inside strings, so replacing is exact.
        return Encoding.UTF8.GetString(stream.ToArray())
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
    }

    /// <summary>fmt's %v of a decoded value: strings raw, lists as [a b], maps as map[k:v].</summary>
    public static string Print(JsonNode? value) => value switch
    {
        null => "<no value>",
        JsonArray a => "[" + string.Join(' ', a.Select(Print)) + "]",
        JsonObject o => "map[" + string.Join(' ', o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Print(p.Value)}")) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
