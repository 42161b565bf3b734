using System.Text.Json;
using System.Text.Unicode;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>Parses the raw bytes of an OCI JSON document into a <see cref="JsonDocument"/> within strict limits.</summary>
internal static class OciJson
{
    /// <summary>The largest manifest, index or config kiln accepts (4 MiB, as the distribution registry does for manifests).</summary>
    public const int MaxDocumentSize = 4 * 1024 * 1024;

    /// <summary>The deepest nesting accepted; real OCI documents need fewer than ten levels.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>
    /// Parses <paramref name="bytes"/>; <paramref name="what"/> names the document in errors ("manifest") and
    /// <paramref name="source"/>, when given, names where it came from (a reference or a file) for error spans.
    /// </summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes, string what, string? source = null, int maxSize = MaxDocumentSize)
    {
        if (bytes.Length > maxSize)
        {
            throw new KilnException(ErrorCodes.DocumentTooLarge, $"{Where(source)}{what} is {bytes.Length} bytes, more than the {maxSize} bytes allowed");
        }

        if (bytes.Length == 0)
        {
            throw new KilnException(ErrorCodes.InvalidJson, $"{Where(source)}{what} is empty", SpanAt(source, what, 0, 0));
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            throw new KilnException(ErrorCodes.InvalidJson, $"{Where(source)}{what} is not valid UTF-8", SpanAt(source, what, 0, 0));
        }

        try
        {
            return JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0);
            throw new KilnException(
                ErrorCodes.InvalidJson,
                $"{Where(source)}{what} is not valid JSON at line {line + 1}, byte {column + 1}",
                SpanAt(source, what, line, column),
                ex);
        }
    }

    /// <summary>Checks the <c>schemaVersion</c> field of a manifest or index: it must be present and be 2.</summary>
    public static void RequireSchemaVersion2(OciJsonObject json)
    {
        var version = json.OptionalInt64("schemaVersion") ?? throw json.Error("is required but missing", "schemaVersion");
        if (version != 2)
        {
            var hint = version == 1 ? " (Docker schema 1 manifests are not supported)" : "";
            throw new KilnException(ErrorCodes.UnsupportedSchemaVersion, $"{Where(json.Source)}schemaVersion is {version}, expected 2{hint}");
        }
    }

    /// <summary>Reads an optional <c>artifactType</c>, which must be a well-formed media type.</summary>
    public static string? ReadArtifactType(OciJsonObject json)
    {
        var artifactType = json.OptionalString("artifactType");
        if (artifactType is not null && !MediaType.IsWellFormed(artifactType))
        {
            throw json.Error("is not a media type (type/subtype)", "artifactType");
        }

        return artifactType;
    }

    private static string Where(string? source) => source is null ? "" : source + ": ";

    private static SourceSpan SpanAt(string? source, string what, int line, int column)
    {
        var position = new SourcePosition(line + 1, column + 1);
        return new SourceSpan(source ?? what, position, position);
    }
}
