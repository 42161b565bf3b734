using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.ImageTools;

/// <summary>Where an `imagetools create --annotation` lands: on the index or on every manifest descriptor in it.</summary>
internal enum AnnotationTarget
{
    Index,
    ManifestDescriptor,
}

/// <summary>
/// One `--annotation [TYPE[PLATFORM]:]KEY=VALUE` of `imagetools create`. TYPE is index (the default) or
/// manifest-descriptor; PLATFORM limits a manifest-descriptor annotation to descriptors of that platform.
/// </summary>
internal sealed record AnnotationSpec(AnnotationTarget Target, Platform? Platform, string Key, string Value)
{
    public static AnnotationSpec Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw Invalid(text, "expected KEY=VALUE");
        }

        var head = text[..eq];
        var value = text[(eq + 1)..];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var bracket = head.IndexOf('[', StringComparison.Ordinal);
        if (colon < 0 || (bracket >= 0 && bracket > colon))
        {
            return new AnnotationSpec(AnnotationTarget.Index, null, head, value);
        }

        var type = head[..colon];
        var key = head[(colon + 1)..];
        Platform? platform = null;
        if (type.IndexOf('[', StringComparison.Ordinal) is var open and >= 0)
        {
            if (!type.EndsWith(']'))
            {
                throw Invalid(text, "unclosed platform selector");
            }

            if (!Platform.TryParse(type[(open + 1)..^1], out var p, out var error))
            {
                throw Invalid(text, error);
            }

            platform = p.Normalize();
            type = type[..open];
        }

        var target = type switch
        {
            "index" => AnnotationTarget.Index,
            "manifest-descriptor" => AnnotationTarget.ManifestDescriptor,
            "manifest" or "index-descriptor" => throw Invalid(text, $"\"{type}\" annotations are not supported by imagetools create (use index or manifest-descriptor)"),
            _ => throw Invalid(text, $"unknown annotation type \"{type}\" (use index or manifest-descriptor)"),
        };
        if (key.Length == 0)
        {
            throw Invalid(text, "empty key");
        }

        if (target == AnnotationTarget.Index && platform is not null)
        {
            throw Invalid(text, "a platform selector applies only to manifest-descriptor annotations");
        }

        return new AnnotationSpec(target, platform, key, value);
    }

    private static KilnException Invalid(string text, string why) =>
        new(ErrorCodes.InvalidAnnotation, $"invalid annotation \"{text}\": {why}");
}
