using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// An image config (OCI image-spec config, which Docker's is a superset of): platform, execution parameters,
/// layer diffIDs and history. Unknown fields are dropped when read.
/// </summary>
internal sealed record ImageConfig : ICanonicalJson
{
    public OciTimestamp? Created { get; init; }

    public string? Author { get; init; }

    public required string Architecture { get; init; }

    public required string OS { get; init; }

    public string? OSVersion { get; init; }

    public ImmutableArray<string> OSFeatures { get; init; } = [];

    public string? Variant { get; init; }

    public ContainerConfig Config { get; init; } = ContainerConfig.Empty;

    public RootFS RootFS { get; init; } = RootFS.Empty;

    public ImmutableArray<HistoryEntry> History { get; init; } = [];

    /// <summary>The platform this config declares.</summary>
    public Platform Platform => new(OS, Architecture, Variant) { OSVersion = OSVersion, OSFeatures = OSFeatures };

    /// <summary>Parses and validates config bytes; <paramref name="source"/> names where they came from in errors.</summary>
    public static ImageConfig Parse(ReadOnlyMemory<byte> bytes, string? source = null)
    {
        using var document = OciJson.Parse(bytes, "image config", source);
        var json = new OciJsonObject(document.RootElement, "", ErrorCodes.InvalidImageConfig, source);
        var architecture = json.RequiredString("architecture");
        var os = json.RequiredString("os");
        if (architecture.Length == 0 || os.Length == 0)
        {
            throw json.Error("architecture and os must not be empty");
        }

        return new ImageConfig
        {
            Created = ReadTimestamp(json, "created"),
            Author = json.OptionalString("author"),
            Architecture = architecture,
            OS = os,
            OSVersion = json.OptionalString("os.version"),
            OSFeatures = json.OptionalStringArray("os.features") ?? [],
            Variant = json.OptionalString("variant") is { Length: > 0 } variant ? variant : null,
            Config = json.OptionalObject("config") is { } config ? ContainerConfig.Read(config) : ContainerConfig.Empty,
            RootFS = RootFS.Read(json.RequiredObject("rootfs")),
            History = [.. json.ObjectArray("history", required: false).Select(HistoryEntry.Read)],
        };
    }

    /// <summary>Starts a config for a platform, with nothing else set.</summary>
    public static ImageConfig For(Platform platform) => new()
    {
        Architecture = platform.Architecture,
        OS = platform.OS,
        Variant = platform.Variant,
        OSVersion = platform.OSVersion,
        OSFeatures = platform.OSFeatures,
    };

    public byte[] ToBytes() => CanonicalJson.Serialize(this);

    public (byte[] Bytes, Descriptor Descriptor) ToBytesWithDescriptor(string mediaType = MediaType.OciConfig) =>
        CanonicalJson.SerializeWithDescriptor(this, mediaType);

    /// <summary>Writes created, author, architecture, os, os.version, os.features, variant, config, rootfs, history.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        CanonicalJson.WriteOptionalString(writer, "created", Created?.Text);
        CanonicalJson.WriteOptionalString(writer, "author", Author);
        writer.WriteString("architecture", Architecture);
        writer.WriteString("os", OS);
        CanonicalJson.WriteOptionalString(writer, "os.version", OSVersion);
        if (!OSFeatures.IsDefaultOrEmpty)
        {
            CanonicalJson.WriteStringArray(writer, "os.features", OSFeatures);
        }

        CanonicalJson.WriteOptionalString(writer, "variant", Variant);
        writer.WritePropertyName("config");
        Config.WriteTo(writer);
        writer.WritePropertyName("rootfs");
        RootFS.WriteTo(writer);
        if (!History.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("history");
            foreach (var entry in History)
            {
                entry.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public bool Equals(ImageConfig? other) => CanonicalJson.ContentEquals(this, other);

    public override int GetHashCode() => CanonicalJson.ContentHashCode(this);

    internal static OciTimestamp? ReadTimestamp(OciJsonObject json, string name)
    {
        var text = json.OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return OciTimestamp.TryParse(text, out var timestamp) ? timestamp : throw json.Error("is not an RFC 3339 time", name);
    }
}
