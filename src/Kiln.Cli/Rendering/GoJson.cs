using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Oci;

namespace Kiln.Cli.Rendering;

/// <summary>Prints JSON values the way Go's encoding/json and fmt print them in buildx's templates.</summary>
internal static class GoJson
{
    /// <summary>json.MarshalIndent(v, "", "  "): two-space indent, HTML characters escaped; null prints "null".</summary>
    public static string Indent(JsonNode? value) =>
        value is null ? "null" : Encoding.UTF8.GetString(GoJsonLayout.Indent(Encoding.UTF8.GetBytes(value.ToJsonString())));

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
