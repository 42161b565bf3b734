using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// An image config reduced to what two builders of the same Dockerfile must agree on, as comparable items
/// (<c>config.Env</c>, <c>history[2]</c>, <c>architecture</c>, ...), each a canonical JSON text with sorted keys.
/// </summary>
internal static class CanonicalConfig
{
    /// <summary>
    /// The comparable items. Removed, because they record when and how bytes were written rather than what was built:
    /// <c>created</c> and every <c>history[].created</c> (wall-clock build times, unless the case pins SOURCE_DATE_EPOCH),
    /// and the <c>rootfs.diff_ids</c> values (digests of uncompressed tar streams, which differ in mtimes and header
    /// layout; the layer count is kept and the layer contents are compared path by path instead).
    /// </summary>
    public static SortedDictionary<string, string> Items(byte[] config, bool keepCreated)
    {
        var root = JsonNode.Parse(config)?.AsObject() ?? throw new InvalidDataException("the config is not a JSON object");
        var items = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in root)
        {
            switch (key)
            {
                case "created" when !keepCreated:
                    break;
                case "config" when value is JsonObject settings:
                    foreach (var (name, setting) in settings)
                    {
                        items[$"config.{name}"] = Canonical(setting);
                    }

                    break;
                case "history" when value is JsonArray history:
                    for (var i = 0; i < history.Count; i++)
                    {
                        var entry = history[i]?.DeepClone().AsObject() ?? [];
                        if (!keepCreated)
                        {
                            entry.Remove("created");
                        }

                        items[$"history[{i:D3}]"] = Canonical(entry);
                    }

                    break;
                case "rootfs" when value is JsonObject rootfs:
                    items["rootfs.type"] = Canonical(rootfs["type"]);
                    items["rootfs.layers"] = (rootfs["diff_ids"] as JsonArray)?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
                    break;
                default:
                    items[key] = Canonical(value);
                    break;
            }
        }

        return items;
    }

    /// <summary>JSON text with object keys sorted at every level; null for a missing or null value.</summary>
    public static string Canonical(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
