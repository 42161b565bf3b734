using System.Collections.Immutable;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// Compares the images two builders wrote for the same case, platform by platform: the set of platforms, the config
/// and history (see <see cref="CanonicalConfig"/>) and the final filesystem (see <see cref="ImageFilesystem"/>).
/// Returns one readable line per difference; none means the images agree.
/// </summary>
internal static class ImageComparer
{
    private const int MaxFileDifferences = 40;

    public static ImmutableArray<string> Compare(IReadOnlyList<ArchiveImage> reference, IReadOnlyList<ArchiveImage> kiln, bool keepCreated)
    {
        var differences = ImmutableArray.CreateBuilder<string>();
        var expected = reference.ToDictionary(i => i.Platform, StringComparer.Ordinal);
        var actual = kiln.ToDictionary(i => i.Platform, StringComparer.Ordinal);
        var platforms = expected.Keys.Order(StringComparer.Ordinal).ToList();
        var kilnPlatforms = actual.Keys.Order(StringComparer.Ordinal).ToList();
        if (!platforms.SequenceEqual(kilnPlatforms))
        {
            differences.Add($"platforms: reference [{string.Join(", ", platforms)}] kiln [{string.Join(", ", kilnPlatforms)}]");
        }

        foreach (var platform in platforms.Intersect(kilnPlatforms))
        {
            CompareConfig(platform, expected[platform], actual[platform], keepCreated, differences);
            CompareFilesystem(platform, expected[platform], actual[platform], differences);
        }

        return differences.ToImmutable();
    }

    private static void CompareConfig(string platform, ArchiveImage reference, ArchiveImage kiln, bool keepCreated, ImmutableArray<string>.Builder differences)
    {
        var expected = CanonicalConfig.Items(reference.Config, keepCreated);
        var actual = CanonicalConfig.Items(kiln.Config, keepCreated);
        foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var e = expected.GetValueOrDefault(key, "(absent)");
            var a = actual.GetValueOrDefault(key, "(absent)");
            if (e != a)
            {
                differences.Add($"{platform} {key}: reference {e} kiln {a}");
            }
        }

        if (reference.Layers.Length != kiln.Layers.Length)
        {
            differences.Add($"{platform} manifest layers: reference {reference.Layers.Length} kiln {kiln.Layers.Length}");
        }
    }

    private static void CompareFilesystem(string platform, ArchiveImage reference, ArchiveImage kiln, ImmutableArray<string>.Builder differences)
    {
        var expected = ImageFilesystem.Apply(reference.Layers).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var actual = ImageFilesystem.Apply(kiln.Layers).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var found = 0;
        foreach (var path in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var e = expected.GetValueOrDefault(path);
            var a = actual.GetValueOrDefault(path);
            if (e == a)
            {
                continue;
            }

            if (++found > MaxFileDifferences)
            {
                differences.Add($"{platform} filesystem: more differences left out");
                return;
            }

            differences.Add($"{platform} /{path}: reference {e?.ToString() ?? "(absent)"} kiln {a?.ToString() ?? "(absent)"}");
        }
    }
}
