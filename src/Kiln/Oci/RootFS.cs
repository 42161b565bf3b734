using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Oci;

/// <summary>The rootfs section of an image config: the uncompressed digests (diffIDs) of the layers, in order.</summary>
internal sealed record RootFS(ImmutableArray<Digest> DiffIds) : ICanonicalJson
{
    public const string LayersType = "layers";

    public static RootFS Empty { get; } = new([]);

    public static RootFS Read(OciJsonObject json)
    {
        var type = json.RequiredString("type");
        if (type != LayersType)
        {
            throw json.Error($"must be \"{LayersType}\", got \"{(type.Length <= 40 ? type : type[..40] + "...")}\"", "type");
        }

        var texts = json.OptionalStringArray("diff_ids") ?? [];
        var diffIds = ImmutableArray.CreateBuilder<Digest>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            diffIds.Add(Digest.TryParse(texts[i], out var digest, out var error)
                ? digest
                : throw json.Error($"invalid digest: {error}", $"diff_ids[{i}]"));
        }

        return new RootFS(diffIds.MoveToImmutable());
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", LayersType);
        writer.WriteStartArray("diff_ids");
        foreach (var diffId in DiffIds.IsDefault ? [] : DiffIds)
        {
            writer.WriteStringValue(diffId.ToString());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public bool Equals(RootFS? other) => other is not null && DiffIds.AsSpan().SequenceEqual(other.DiffIds.AsSpan());

    public override int GetHashCode() => DiffIds.IsDefault ? 0 : DiffIds.Length;
}
