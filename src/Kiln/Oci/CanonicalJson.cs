using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiln.Oci;

/// <summary>
/// Compact, deterministic JSON for every manifest, index and config kiln writes: fields in each model's fixed order,
/// maps sorted by ordinal key, no whitespace. The bytes returned are the bytes to hash, store and send.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static byte[] Serialize(ICanonicalJson value) => Serialize(value.WriteTo);

    public static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes <paramref name="value"/> and describes the bytes: the descriptor's digest is of exactly these bytes.</summary>
    public static (byte[] Bytes, Descriptor Descriptor) SerializeWithDescriptor(ICanonicalJson value, string mediaType)
    {
        var bytes = Serialize(value);
        return (bytes, Descriptor.ForBytes(mediaType, bytes));
    }

    /// <summary>True when both values serialize to the same bytes (value equality for models holding collections).</summary>
    public static bool ContentEquals(ICanonicalJson? a, ICanonicalJson? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && Serialize(a).AsSpan().SequenceEqual(Serialize(b)));

    /// <summary>A hash code consistent with <see cref="ContentEquals"/>.</summary>
    public static int ContentHashCode(ICanonicalJson value)
    {
        var hash = new HashCode();
        hash.AddBytes(Serialize(value));
        return hash.ToHashCode();
    }

    /// <summary>Writes <c>"name":{...}</c> with keys in ordinal order; nothing when the map is empty.</summary>
    public static void WriteStringMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteString(key, map[key]);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"name":{"key":{},...}</c> (Go's map[string]struct{}); nothing when the set is empty.</summary>
    public static void WriteKeySet(Utf8JsonWriter writer, string name, IEnumerable<string> keys)
    {
        var sorted = keys.Order(StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var key in sorted)
        {
            writer.WriteStartObject(key);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"name":[...]</c> when the array is not null (an empty array is written as <c>[]</c>).</summary>
    public static void WriteStringArray(Utf8JsonWriter writer, string name, ImmutableArray<string>? values)
    {
        if (values is not { IsDefault: false } array)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in array)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <c>"name":"value"</c> unless the value is null.</summary>
    public static void WriteOptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
