using System.Collections.Frozen;
using System.Globalization;
using Kiln.Oci;

namespace Kiln.Export.Outputs;

/// <summary>The table of <c>--output</c> keys kiln knows: one row per key, with the exporters it applies to.</summary>
internal static class OutputOptions
{
    public static FrozenDictionary<string, OutputOption> All { get; } = new OutputOption[]
    {
        new("dest", OutputType.Oci | OutputType.Docker | OutputType.Filesystems, (s, v) => s with { Destination = v }),
        new("tar", OutputType.Oci | OutputType.Docker, (s, v) => Bool(v, "tar", b => s with { Tar = b })),
        new("name", OutputType.Images, (s, v) => s with { Names = [.. s.Names, .. v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] }),
        new("push", OutputType.Image, (s, v) => Bool(v, "push", b => s with { Push = b })),
        new("push-by-digest", OutputType.Image, (s, v) => Bool(v, "push-by-digest", b => s with { PushByDigest = b })),
        new("name-canonical", OutputType.Image, (s, v) => Bool(v, "name-canonical", b => s with { NameCanonical = b })),
        new("insecure", OutputType.Image, (s, v) => Bool(v, "insecure", b => s with { Insecure = b })),
        new("registry.insecure", OutputType.Image, (s, v) => Bool(v, "registry.insecure", b => s with { Insecure = b })),
        new("store", OutputType.Image, (s, v) => Bool(v, "store", b => s with { Store = b })),
        new("unpack", OutputType.Image, (s, v) => Bool(v, "unpack", b => s with { Unpack = b })),
        new("dangling-name-prefix", OutputType.Images, (s, v) => s with { DanglingNamePrefix = v }),
        new("compression", OutputType.Images, Compression),
        new("compression-level", OutputType.Images, (s, v) => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level)
            ? s with { Layers = s.Layers with { Level = level } }
            : OutputOptionResult.Invalid($"non-integer value {v} specified for compression-level")),
        new("force-compression", OutputType.Images, (s, v) => Bool(v, "force-compression", b => s with { Layers = s.Layers with { ForceCompression = b } })),
        new("oci-mediatypes", OutputType.Images, (s, v) => Bool(v, "oci-mediatypes", b => s with { Layers = s.Layers with { OciMediaTypes = b } })),
        new("rewrite-timestamp", OutputType.Images, (s, v) => Bool(v, "rewrite-timestamp", b => s with { RewriteTimestamp = b })),
        new("source-date-epoch", OutputType.Images | OutputType.Filesystems, (s, v) => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? s with { SourceDateEpoch = epoch }
            : OutputOptionResult.Invalid($"invalid SOURCE_DATE_EPOCH: {v}")),
        new("platform-split", OutputType.Filesystems, (s, v) => Bool(v, "platform-split", b => s with { PlatformSplit = b })),
    }.ToFrozenDictionary(o => o.Key, StringComparer.Ordinal);

    /// <summary>A boolean as Go's strconv.ParseBool reads it; an empty value means true, as BuildKit's exporters take it.</summary>
    public static bool TryParseBool(string value, out bool result)
    {
        switch (value)
        {
            case "" or "1" or "t" or "T" or "true" or "TRUE" or "True":
                result = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    private static OutputOptionResult Bool(string value, string key, Func<bool, OutputSpec> apply) =>
        TryParseBool(value, out var b) ? apply(b) : OutputOptionResult.Invalid($"non-bool value {value} specified for {key}");

    private static OutputOptionResult Compression(OutputSpec spec, string value)
    {
        LayerCompression? compression = value switch
        {
            "gzip" => LayerCompression.Gzip,
            "zstd" => LayerCompression.Zstd,
            "uncompressed" => LayerCompression.None,
            _ => null,
        };
        return compression is { } c
            ? spec with { Layers = spec.Layers with { Compression = c } }
            : OutputOptionResult.Invalid($"unsupported compression type {value}");
    }
}
