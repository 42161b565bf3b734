using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>The OCI and Docker schema 2 media types, classified by what each names.</summary>
internal static class MediaType
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    public const string OciLayerNonDistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public const string OciLayerNonDistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    public const string OciLayerNonDistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifestSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerManifestSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string DockerLayerZstd = "application/vnd.docker.image.rootfs.diff.tar.zstd";
    public const string DockerLayerForeign = "application/vnd.docker.image.rootfs.foreign.diff.tar";
    public const string DockerLayerForeignGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    public const string InToto = "application/vnd.in-toto+json";
    public const string BuildKitCacheConfig = "application/vnd.buildkit.cacheconfig.v0";

    public static MediaTypeKind KindOf(string mediaType) => mediaType switch
    {
        OciManifest or DockerManifest => MediaTypeKind.Manifest,
        OciIndex or DockerManifestList => MediaTypeKind.Index,
        OciConfig or DockerConfig or BuildKitCacheConfig => MediaTypeKind.Config,
        OciLayer or OciLayerGzip or OciLayerZstd
            or OciLayerNonDistributable or OciLayerNonDistributableGzip or OciLayerNonDistributableZstd
            or DockerLayer or DockerLayerGzip or DockerLayerZstd or DockerLayerForeign or DockerLayerForeignGzip => MediaTypeKind.Layer,
        OciEmpty => MediaTypeKind.Empty,
        InToto => MediaTypeKind.InToto,
        DockerManifestSchema1 or DockerManifestSchema1Signed => MediaTypeKind.ManifestSchema1,
        _ => MediaTypeKind.Unknown,
    };

    public static bool IsManifest(string mediaType) => KindOf(mediaType) == MediaTypeKind.Manifest;

    public static bool IsIndex(string mediaType) => KindOf(mediaType) == MediaTypeKind.Index;

    public static bool IsConfig(string mediaType) => KindOf(mediaType) == MediaTypeKind.Config;

    public static bool IsLayer(string mediaType) => KindOf(mediaType) == MediaTypeKind.Layer;

    /// <summary>True for layers a registry need not hold (OCI non-distributable and Docker foreign layers).</summary>
    public static bool IsNonDistributable(string mediaType) => mediaType is OciLayerNonDistributable or OciLayerNonDistributableGzip
        or OciLayerNonDistributableZstd or DockerLayerForeign or DockerLayerForeignGzip;

    public static bool IsDocker(string mediaType) => mediaType.StartsWith("application/vnd.docker.", StringComparison.Ordinal);

    /// <summary>The compression of a layer media type, or false when it is not a known layer type.</summary>
    public static bool TryGetCompression(string mediaType, out LayerCompression compression)
    {
        compression = mediaType switch
        {
            OciLayerGzip or OciLayerNonDistributableGzip or DockerLayerGzip or DockerLayerForeignGzip => LayerCompression.Gzip,
            OciLayerZstd or OciLayerNonDistributableZstd or DockerLayerZstd => LayerCompression.Zstd,
            _ => LayerCompression.None,
        };
        return IsLayer(mediaType);
    }

    /// <summary>The compression of a layer media type; an unknown or non-layer type is a <see cref="ErrorCodes.UnknownMediaType"/> error.</summary>
    public static LayerCompression CompressionOf(string mediaType) =>
        TryGetCompression(mediaType, out var compression) ? compression : throw Unexpected(mediaType, MediaTypeKind.Layer);

    /// <summary>The media type kiln writes for a layer with the given compression.</summary>
    public static string ForLayer(LayerCompression compression, bool docker) => (compression, docker) switch
    {
        (LayerCompression.None, false) => OciLayer,
        (LayerCompression.Gzip, false) => OciLayerGzip,
        (LayerCompression.Zstd, false) => OciLayerZstd,
        (LayerCompression.None, true) => DockerLayer,
        (LayerCompression.Gzip, true) => DockerLayerGzip,
        (LayerCompression.Zstd, true) => DockerLayerZstd,
        _ => throw new ArgumentOutOfRangeException(nameof(compression)),
    };

    /// <summary>Throws a clear <see cref="ErrorCodes.UnknownMediaType"/> error unless <paramref name="mediaType"/> is of the expected kind.</summary>
    public static void Expect(string mediaType, MediaTypeKind expected, string? context = null)
    {
        if (KindOf(mediaType) != expected)
        {
            throw Unexpected(mediaType, expected, context);
        }
    }

    /// <summary>
    /// True when the value has the OCI media type form <c>type/subtype</c>: each part starts with a letter or digit
    /// and holds at most 127 of the RFC 6838 name characters.
    /// </summary>
    public static bool IsWellFormed(string mediaType)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsRestrictedName(mediaType.AsSpan(0, slash)) && IsRestrictedName(mediaType.AsSpan(slash + 1));
    }

    /// <summary>The media type of an HTTP Content-Type value: parameters removed, trimmed, lowercased.</summary>
    public static string FromContentType(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var bare = semicolon >= 0 ? contentType[..semicolon] : contentType;
        return bare.Trim().ToLowerInvariant();
    }

    private static KilnException Unexpected(string mediaType, MediaTypeKind expected, string? context = null)
    {
        var kind = KindOf(mediaType);
        var shown = mediaType.Length <= 120 ? mediaType : mediaType[..120] + "...";
        var what = kind == MediaTypeKind.Unknown ? "unknown media type" : $"media type of a {Describe(kind)}";
        var where = context is null ? "" : context + ": ";
        return new KilnException(ErrorCodes.UnknownMediaType, $"{where}{what} \"{shown}\" where a {Describe(expected)} was expected");
    }

    private static string Describe(MediaTypeKind kind) => kind switch
    {
        MediaTypeKind.Manifest => "manifest",
        MediaTypeKind.Index => "index or manifest list",
        MediaTypeKind.Config => "config",
        MediaTypeKind.Layer => "layer",
        MediaTypeKind.Empty => "empty blob",
        MediaTypeKind.InToto => "in-toto attestation",
        MediaTypeKind.ManifestSchema1 => "Docker schema 1 manifest (not supported)",
        _ => "unknown kind",
    };

    private static bool IsRestrictedName(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > 127 || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('!' or '#' or '$' or '&' or '^' or '_' or '.' or '+' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
