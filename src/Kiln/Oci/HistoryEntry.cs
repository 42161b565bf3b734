using System.Text.Json;

namespace Kiln.Oci;

/// <summary>One history entry of an image config; <see cref="EmptyLayer"/> entries have no layer in rootfs.</summary>
internal sealed record HistoryEntry : ICanonicalJson
{
    public OciTimestamp? Created { get; init; }

    public string? CreatedBy { get; init; }

    public string? Author { get; init; }

    public string? Comment { get; init; }

    public bool EmptyLayer { get; init; }

    public static HistoryEntry Read(OciJsonObject json) => new()
    {
        Created = ImageConfig.ReadTimestamp(json, "created"),
        CreatedBy = json.OptionalString("created_by"),
        Author = json.OptionalString("author"),
        Comment = json.OptionalString("comment"),
        EmptyLayer = json.OptionalBoolean("empty_layer") ?? false,
    };

    /// <summary>Writes created, created_by, author, comment, empty_layer (only when true).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        CanonicalJson.WriteOptionalString(writer, "created", Created?.Text);
        CanonicalJson.WriteOptionalString(writer, "created_by", CreatedBy);
        CanonicalJson.WriteOptionalString(writer, "author", Author);
        CanonicalJson.WriteOptionalString(writer, "comment", Comment);
        if (EmptyLayer)
        {
            writer.WriteBoolean("empty_layer", true);
        }

        writer.WriteEndObject();
    }
}
