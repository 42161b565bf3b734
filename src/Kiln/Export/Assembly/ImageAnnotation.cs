using Kiln.Oci;

namespace Kiln.Export.Assembly;

/// <summary>
/// One annotation of an exported image: its target, an optional platform it is limited to, its key and value. Parsed
/// from the output option <c>annotation[-TYPE][[PLATFORM]].KEY=VALUE</c> or from <c>--annotation [TYPE[,TYPE][[PLATFORM]]:]KEY=VALUE</c>.
/// </summary>
internal sealed record ImageAnnotation(AnnotationTarget Target, Platform? Platform, string Key, string Value)
{
    public const string OptionPrefix = "annotation";

    /// <summary>True when the annotation applies to an image of <paramref name="platform"/> (null: the index level).</summary>
    public bool AppliesTo(Platform? platform) =>
        Platform is null || (platform is not null && SamePlatform(Platform, platform));

    /// <summary>Parses an output option key such as <c>annotation-manifest[linux/amd64].org.example</c>; false when it is not an annotation key.</summary>
    public static bool TryParseOption(string key, string value, out ImageAnnotation? annotation, out string error)
    {
        annotation = null;
        error = "";
        if (!key.StartsWith(OptionPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return false;
        }

        var head = key[OptionPrefix.Length..dot];
        var name = key[(dot + 1)..];
        if (head.Length > 0 && head[0] != '-' && head[0] != '[')
        {
            return false;
        }

        var (types, platformText) = SplitPlatform(head.TrimStart('-'));
        if (!TryTarget(types, out var target))
        {
            error = $"unrecognized annotation type {types}";
            return true;
        }

        if (!TryPlatform(platformText, out var platform, out error) || !CheckKey(name, out error))
        {
            return true;
        }

        annotation = new ImageAnnotation(target, platform, name, value);
        return true;
    }

    /// <summary>Parses one <c>--annotation</c> value; a type list (<c>index,manifest:k=v</c>) gives one annotation per type.</summary>
    public static bool TryParseFlag(string text, out IReadOnlyList<ImageAnnotation> annotations, out string error)
    {
        annotations = [];
        error = "";
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = $"invalid annotation {text}, expected key=value";
            return false;
        }

        var keyPart = text[..equals];
        var value = text[(equals + 1)..];
        var colon = keyPart.IndexOf(':', StringComparison.Ordinal);
        var (typeList, platformText) = colon < 0 ? ("", null) : SplitPlatform(keyPart[..colon]);
        var key = colon < 0 ? keyPart : keyPart[(colon + 1)..];
        if (!TryPlatform(platformText, out var platform, out error) || !CheckKey(key, out error))
        {
            return false;
        }

        var found = new List<ImageAnnotation>();
        foreach (var type in typeList.Length == 0 ? [""] : typeList.Split(','))
        {
            if (!TryTarget(type, out var target))
            {
                error = $"unrecognized annotation type {type}";
                return false;
            }

            found.Add(new ImageAnnotation(target, platform, key, value));
        }

        annotations = found;
        return true;
    }

    private static (string Types, string? Platform) SplitPlatform(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        return open >= 0 && text.EndsWith(']') ? (text[..open], text[(open + 1)..^1]) : (text, null);
    }

    private static bool TryTarget(string type, out AnnotationTarget target)
    {
        target = type switch
        {
            "" or "manifest" => AnnotationTarget.Manifest,
            "manifest-descriptor" => AnnotationTarget.ManifestDescriptor,
            "index" => AnnotationTarget.Index,
            "index-descriptor" => AnnotationTarget.IndexDescriptor,
            _ => (AnnotationTarget)(-1),
        };
        return Enum.IsDefined(target);
    }

    private static bool TryPlatform(string? text, out Platform? platform, out string error)
    {
        platform = null;
        error = "";
        if (text is null)
        {
            return true;
        }

        if (!Platform.TryParse(text, out var parsed, out var platformError))
        {
            error = $"invalid annotation platform {text}: {platformError}";
            return false;
        }

        platform = parsed.Normalize();
        return true;
    }

    private static bool CheckKey(string key, out string error)
    {
        error = key.Length == 0 ? "annotation key must not be empty" : "";
        return key.Length > 0;
    }

    private static bool SamePlatform(Platform a, Platform b)
    {
        var x = a.Normalize();
        var y = b.Normalize();
        return x.OS == y.OS && x.Architecture == y.Architecture && x.Variant == y.Variant;
    }
}
