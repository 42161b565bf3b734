using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// A manifest or index fetched as raw bytes, parsed after deciding which it is from the bytes and the
/// Content-Type the registry sent. Exactly one of <see cref="Manifest"/> and <see cref="Index"/> is set.
/// </summary>
internal sealed record OciDocument(OciDocumentKind Kind, string MediaType)
{
    public Manifest? Manifest { get; init; }

    public ImageIndex? Index { get; init; }

    /// <summary>Detects the kind of <paramref name="bytes"/> and parses them as that kind.</summary>
    public static OciDocument Parse(ReadOnlyMemory<byte> bytes, string? contentType, string? source = null)
    {
        var (kind, mediaType) = Detect(bytes.Span, contentType, source);
        return kind == OciDocumentKind.Index
            ? new OciDocument(kind, mediaType) { Index = ImageIndex.Parse(bytes, source, mediaType) }
            : new OciDocument(kind, mediaType) { Manifest = Manifest.Parse(bytes, source, mediaType) };
    }

    /// <summary>
    /// Decides whether the document is a manifest or an index. A specific Content-Type (a manifest or index media
    /// type) is believed unless the body contradicts it; a generic one (application/json, none) defers to the
    /// body's mediaType field, then to its fields (manifests: index; config or layers: manifest).
    /// </summary>
    public static (OciDocumentKind Kind, string MediaType) Detect(ReadOnlySpan<byte> bytes, string? contentType, string? source = null)
    {
        var prefix = source is null ? "" : source + ": ";
        if (bytes.Length > OciJson.MaxDocumentSize)
        {
            throw new KilnException(ErrorCodes.DocumentTooLarge, $"{prefix}document is {bytes.Length} bytes, more than the {OciJson.MaxDocumentSize} bytes allowed");
        }

        var body = Scan(bytes, prefix);
        var claimed = contentType is null ? null : Oci.MediaType.FromContentType(contentType);
        var claimedKind = claimed is null ? MediaTypeKind.Unknown : Oci.MediaType.KindOf(claimed);
        var bodyKind = body.MediaType is null ? MediaTypeKind.Unknown : Oci.MediaType.KindOf(body.MediaType);
        if (claimedKind == MediaTypeKind.ManifestSchema1 || bodyKind == MediaTypeKind.ManifestSchema1 || body.HasFsLayers)
        {
            throw new KilnException(ErrorCodes.UnsupportedSchemaVersion, $"{prefix}Docker schema 1 manifests are not supported");
        }

        if (body.MediaType is not null && bodyKind is not (MediaTypeKind.Manifest or MediaTypeKind.Index))
        {
            throw new KilnException(ErrorCodes.UnknownMediaType, $"{prefix}document media type \"{Shorten(body.MediaType)}\" is neither a manifest nor an index");
        }

        var kind = claimedKind is MediaTypeKind.Manifest or MediaTypeKind.Index ? claimedKind
            : bodyKind != MediaTypeKind.Unknown ? bodyKind
            : body.HasManifests ? MediaTypeKind.Index
            : body.HasConfig || body.HasLayers ? MediaTypeKind.Manifest
            : throw new KilnException(ErrorCodes.UnknownMediaType, $"{prefix}cannot tell whether the document is a manifest or an index (Content-Type \"{Shorten(claimed ?? "")}\", no mediaType field)");

        var looksLikeIndex = bodyKind == MediaTypeKind.Index || body.HasManifests;
        var looksLikeManifest = bodyKind == MediaTypeKind.Manifest || body.HasConfig || body.HasLayers;
        if ((kind == MediaTypeKind.Manifest && looksLikeIndex) || (kind == MediaTypeKind.Index && looksLikeManifest))
        {
            var expected = kind == MediaTypeKind.Index ? "an index" : "a manifest";
            throw new KilnException(ErrorCodes.DocumentKindMismatch, $"{prefix}expected {expected} (Content-Type \"{Shorten(claimed ?? "")}\") but the document says otherwise");
        }

        var resultKind = kind == MediaTypeKind.Index ? OciDocumentKind.Index : OciDocumentKind.Manifest;
        var mediaType = body.MediaType
            ?? (claimedKind == kind ? claimed! : resultKind == OciDocumentKind.Index ? Oci.MediaType.OciIndex : Oci.MediaType.OciManifest);
        return (resultKind, mediaType);
    }

    private static TopLevel Scan(ReadOnlySpan<byte> bytes, string prefix)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = OciJson.MaxDepth });
        var result = new TopLevel();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new KilnException(ErrorCodes.InvalidJson, $"{prefix}document is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "mediaType" when reader.TokenType == JsonTokenType.String:
                        result.MediaType = reader.GetString();
                        break;
                    case "manifests":
                        result.HasManifests = reader.TokenType != JsonTokenType.Null;
                        break;
                    case "config":
                        result.HasConfig = reader.TokenType != JsonTokenType.Null;
                        break;
                    case "layers":
                        result.HasLayers = reader.TokenType != JsonTokenType.Null;
                        break;
                    case "fsLayers":
                        result.HasFsLayers = true;
                        break;
                }

                reader.Skip();
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new KilnException(ErrorCodes.InvalidJson, $"{prefix}document is not valid JSON at byte {reader.BytesConsumed + 1}", null, ex);
        }
    }

    private static string Shorten(string s) => s.Length <= 100 ? s : s[..100] + "...";

    private sealed class TopLevel
    {
        public string? MediaType { get; set; }

        public bool HasManifests { get; set; }

        public bool HasConfig { get; set; }

        public bool HasLayers { get; set; }

        public bool HasFsLayers { get; set; }
    }
}
