namespace Kiln.Bake.Files;

/// <summary>Picks a file's format by its extension as buildx does: .yml/.yaml Compose, .json JSON, anything else HCL.</summary>
internal static class BakeFileFormats
{
    public static BakeFileFormat Of(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal)
            ? BakeFileFormat.Compose
            : lower.EndsWith(".json", StringComparison.Ordinal) ? BakeFileFormat.Json : BakeFileFormat.Hcl;
    }
}
