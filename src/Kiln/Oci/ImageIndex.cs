using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>An image index (OCI) or manifest list (Docker schema 2): descriptors of per-platform manifests.</summary>
internal sealed record ImageIndex(string MediaType, ImmutableArray<Descriptor> Manifests) : ICanonicalJson
{
    public const int SchemaVersion = 2;

    public string? ArtifactType { get; init; }

    public Descriptor? Subject { get; init; }

    public ImmutableSortedDictionary<string, string> Annotations { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public bool IsDocker => MediaType == Oci.MediaType.DockerManifestList;

    /// <summary>Parses and validates index bytes; without a mediaType field the type is <paramref name="describedAs"/>, else OCI.</summary>
    public static ImageIndex Parse(ReadOnlyMemory<byte> bytes, string? source = null, string? describedAs = null)
    {
        using var document = OciJson.Parse(bytes, "index", source);
        var json = new OciJsonObject(document.RootElement, "", ErrorCodes.InvalidIndex, source);
        OciJson.RequireSchemaVersion2(json);
        var mediaType = json.OptionalString("mediaType") ?? describedAs ?? Oci.MediaType.OciIndex;
        if (Oci.MediaType.IsManifest(mediaType) || json.Has("config") || json.Has("layers"))
        {
            throw new KilnException(ErrorCodes.DocumentKindMismatch, $"{(source is null ? "" : source + ": ")}expected an index but the document is a manifest ({mediaType})");
        }

        Oci.MediaType.Expect(mediaType, MediaTypeKind.Index, source);
        var manifests = json.ObjectArray("manifests", required: true);
        return new ImageIndex(mediaType, [.. manifests.Select(Descriptor.Read)])
        {
            ArtifactType = OciJson.ReadArtifactType(json),
            Subject = json.OptionalObject("subject") is { } subject ? Descriptor.Read(subject) : null,
            Annotations = json.StringMap("annotations"),
        };
    }

    public byte[] ToBytes() => CanonicalJson.Serialize(this);

    public (byte[] Bytes, Descriptor Descriptor) ToBytesWithDescriptor() => CanonicalJson.SerializeWithDescriptor(this, MediaType);

    /// <summary>Writes schemaVersion, mediaType, artifactType, manifests, subject, annotations in that order.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("mediaType", MediaType);
        CanonicalJson.WriteOptionalString(writer, "artifactType", ArtifactType);
        writer.WriteStartArray("manifests");
        foreach (var manifest in Manifests.IsDefault ? [] : Manifests)
        {
            manifest.WriteTo(writer);
        }

        writer.WriteEndArray();
        if (Subject is not null)
        {
            writer.WritePropertyName("subject");
            Subject.WriteTo(writer);
        }

        CanonicalJson.WriteStringMap(writer, "annotations", Annotations);
        writer.WriteEndObject();
    }

    public bool Equals(ImageIndex? other) =>
        other is not null
        && MediaType == other.MediaType
        && Manifests.AsSpan().SequenceEqual(other.Manifests.AsSpan())
        && ArtifactType == other.ArtifactType
        && Equals(Subject, other.Subject)
        && Annotations.SequenceEqual(other.Annotations);

    public override int GetHashCode() => HashCode.Combine(MediaType, Manifests.Length);
}
