using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>An OCI content descriptor: the media type, digest, size, platform, URLs and annotations of one blob.</summary>
internal sealed record Descriptor(string MediaType, Digest Digest, long Size) : ICanonicalJson
{
    public ImmutableSortedDictionary<string, string> Annotations { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public Platform? Platform { get; init; }

    public ImmutableArray<string> Urls { get; init; } = [];

    public string? ArtifactType { get; init; }

    /// <summary>Describes <paramref name="bytes"/> exactly as they are stored or sent.</summary>
    public static Descriptor ForBytes(string mediaType, ReadOnlySpan<byte> bytes) => new(mediaType, Digest.Sha256(bytes), bytes.Length);

    /// <summary>Parses a descriptor serialized on its own (as in an OCI layout's index entry or an API response).</summary>
    public static Descriptor Parse(ReadOnlyMemory<byte> bytes, string? source = null)
    {
        using var document = OciJson.Parse(bytes, "descriptor", source);
        return Read(new OciJsonObject(document.RootElement, "", ErrorCodes.InvalidDescriptor, source));
    }

    /// <summary>Reads a descriptor from a JSON object; errors carry the object's code and path.</summary>
    public static Descriptor Read(OciJsonObject json)
    {
        var mediaType = json.RequiredString("mediaType");
        if (!Oci.MediaType.IsWellFormed(mediaType))
        {
            throw json.Error($"\"{Shorten(mediaType)}\" is not a media type (type/subtype)", "mediaType");
        }

        var digestText = json.RequiredString("digest");
        if (!Digest.TryParse(digestText, out var digest, out var digestError))
        {
            throw json.Error($"invalid digest \"{Shorten(digestText)}\": {digestError}", "digest");
        }

        var size = json.RequiredInt64("size");
        if (size < 0)
        {
            throw json.Error($"must not be negative, got {size}", "size");
        }

        var urls = json.OptionalStringArray("urls") ?? [];
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw json.Error($"\"{Shorten(url)}\" is not an absolute URL", "urls");
            }
        }

        var artifactType = json.OptionalString("artifactType");
        if (artifactType is not null && !Oci.MediaType.IsWellFormed(artifactType))
        {
            throw json.Error($"\"{Shorten(artifactType)}\" is not a media type (type/subtype)", "artifactType");
        }

        return new Descriptor(mediaType, digest, size)
        {
            Urls = urls,
            Annotations = json.StringMap("annotations"),
            Platform = json.OptionalObject("platform") is { } platform ? Platform.Read(platform) : null,
            ArtifactType = artifactType,
        };
    }

    /// <summary>Writes the descriptor in the OCI field order: mediaType, digest, size, urls, annotations, platform, artifactType.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", MediaType);
        writer.WriteString("digest", Digest.ToString());
        writer.WriteNumber("size", Size);
        if (!Urls.IsDefaultOrEmpty)
        {
            CanonicalJson.WriteStringArray(writer, "urls", Urls);
        }

        CanonicalJson.WriteStringMap(writer, "annotations", Annotations);
        if (Platform is not null)
        {
            writer.WritePropertyName("platform");
            Platform.WriteTo(writer);
        }

        CanonicalJson.WriteOptionalString(writer, "artifactType", ArtifactType);
        writer.WriteEndObject();
    }

    public byte[] ToBytes() => CanonicalJson.Serialize(this);

    /// <summary>Equal descriptors: same media type, digest, size, artifact type, platform, URLs and annotations.</summary>
    public bool Equals(Descriptor? other) =>
        other is not null
        && MediaType == other.MediaType
        && Digest == other.Digest
        && Size == other.Size
        && ArtifactType == other.ArtifactType
        && Equals(Platform, other.Platform)
        && Urls.AsSpan().SequenceEqual(other.Urls.AsSpan())
        && Annotations.Count == other.Annotations.Count
        && Annotations.All(a => other.Annotations.TryGetValue(a.Key, out var v) && v == a.Value);

    public override int GetHashCode() => HashCode.Combine(MediaType, Digest, Size);

    private static string Shorten(string s) => s.Length <= 100 ? s : s[..100] + "...";
}
