using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>An image manifest (OCI or Docker schema 2): a config descriptor and the ordered layer descriptors.</summary>
internal sealed record Manifest(string MediaType, Descriptor Config, ImmutableArray<Descriptor> Layers) : ICanonicalJson
{
    public const int SchemaVersion = 2;

    public string? ArtifactType { get; init; }

    /// <summary>The manifest this one refers to (attestations, signatures), served by the referrers API.</summary>
    public Descriptor? Subject { get; init; }

    public ImmutableSortedDictionary<string, string> Annotations { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public bool IsDocker => MediaType == Oci.MediaType.DockerManifest;

    /// <summary>
    /// Parses and validates manifest bytes; <paramref name="source"/> names where they came from in errors. Without a
    /// mediaType field, the type is <paramref name="describedAs"/> (the Content-Type or descriptor), else OCI.
    /// </summary>
    public static Manifest Parse(ReadOnlyMemory<byte> bytes, string? source = null, string? describedAs = null)
    {
        using var document = OciJson.Parse(bytes, "manifest", source);
        var json = new OciJsonObject(document.RootElement, "", ErrorCodes.InvalidManifest, source);
        OciJson.RequireSchemaVersion2(json);
        var mediaType = json.OptionalString("mediaType") ?? describedAs ?? Oci.MediaType.OciManifest;
        if (Oci.MediaType.IsIndex(mediaType) || json.Has("manifests"))
        {
            throw new KilnException(ErrorCodes.DocumentKindMismatch, $"{Prefix(source)}expected a manifest but the document is an index ({mediaType})");
        }

        Oci.MediaType.Expect(mediaType, MediaTypeKind.Manifest, source);
        var layers = json.ObjectArray("layers", required: true);
        return new Manifest(mediaType, Descriptor.Read(json.RequiredObject("config")), [.. layers.Select(Descriptor.Read)])
        {
            ArtifactType = OciJson.ReadArtifactType(json),
            Subject = json.OptionalObject("subject") is { } subject ? Descriptor.Read(subject) : null,
            Annotations = json.StringMap("annotations"),
        };
    }

    /// <summary>The canonical bytes of this manifest: hash and push exactly these.</summary>
    public byte[] ToBytes() => CanonicalJson.Serialize(this);

    /// <summary>Serializes the manifest and returns its bytes with a descriptor of them.</summary>
    public (byte[] Bytes, Descriptor Descriptor) ToBytesWithDescriptor() => CanonicalJson.SerializeWithDescriptor(this, MediaType);

    /// <summary>Writes schemaVersion, mediaType, artifactType, config, layers, subject, annotations in that order.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("mediaType", MediaType);
        CanonicalJson.WriteOptionalString(writer, "artifactType", ArtifactType);
        writer.WritePropertyName("config");
        Config.WriteTo(writer);
        writer.WriteStartArray("layers");
        foreach (var layer in Layers.IsDefault ? [] : Layers)
        {
            layer.WriteTo(writer);
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

    public bool Equals(Manifest? other) =>
        other is not null
        && MediaType == other.MediaType
        && Config.Equals(other.Config)
        && Layers.AsSpan().SequenceEqual(other.Layers.AsSpan())
        && ArtifactType == other.ArtifactType
        && Equals(Subject, other.Subject)
        && Annotations.SequenceEqual(other.Annotations);

    public override int GetHashCode() => HashCode.Combine(MediaType, Config, Layers.Length);

    private static string Prefix(string? source) => source is null ? "" : source + ": ";
}
