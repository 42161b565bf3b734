using System.Collections.Immutable;
using System.Globalization;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// Picks the image for a wanted platform, with containerd's fallbacks in order of preference: arm/v7 also runs
/// v6 and v5 images, amd64/v3 runs v2, v1 and 386 ones, arm64 runs arm/v8 down to v5. Platforms are compared
/// normalized, on os, architecture and variant.
/// </summary>
internal sealed class PlatformMatcher
{
    /// <summary>Fallbacks start at most here, so a hostile variant ("v999999999") cannot make a huge list.</summary>
    private const int MaxVariant = 16;

    private PlatformMatcher(Platform target, ImmutableArray<Platform> candidates)
    {
        Target = target;
        Candidates = candidates;
    }

    public Platform Target { get; }

    /// <summary>The platforms accepted, most preferred first, each normalized.</summary>
    public ImmutableArray<Platform> Candidates { get; }

    /// <summary>A matcher for <paramref name="platform"/> and every platform it can also run.</summary>
    public static PlatformMatcher Only(Platform platform)
    {
        var normalized = platform.Normalize();
        return new PlatformMatcher(normalized, [.. Vector(normalized).Select(p => p.Normalize())]);
    }

    /// <summary>A matcher for exactly <paramref name="platform"/> (after normalization), with no fallback.</summary>
    public static PlatformMatcher Strict(Platform platform)
    {
        var normalized = platform.Normalize();
        return new PlatformMatcher(normalized, [normalized]);
    }

    public bool Matches(Platform platform) => Rank(platform) >= 0;

    /// <summary>The preference of <paramref name="platform"/>: 0 is the best, -1 means it does not match.</summary>
    public int Rank(Platform platform)
    {
        var p = platform.Normalize();
        for (var i = 0; i < Candidates.Length; i++)
        {
            var c = Candidates[i];
            if (c.OS == p.OS && c.Architecture == p.Architecture && c.Variant == p.Variant)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The best-matching descriptor (the first one on a tie), or null; descriptors without a platform never match.</summary>
    public Descriptor? SelectBest(IEnumerable<Descriptor> descriptors)
    {
        Descriptor? best = null;
        var bestRank = int.MaxValue;
        foreach (var descriptor in descriptors)
        {
            var rank = descriptor.Platform is null ? -1 : Rank(descriptor.Platform);
            if (rank >= 0 && rank < bestRank)
            {
                best = descriptor;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>The manifest of <paramref name="index"/> to use; none matching is a <see cref="ErrorCodes.NoMatchingPlatform"/> error listing what exists.</summary>
    public Descriptor Select(ImageIndex index, string? source = null)
    {
        if (SelectBest(index.Manifests) is { } best)
        {
            return best;
        }

        var available = index.Manifests.Where(m => m.Platform is not null).Select(m => m.Platform!.ToString()).Distinct().ToList();
        var where = source is null ? "" : source + ": ";
        var list = available.Count == 0 ? "none" : string.Join(", ", available);
        throw new KilnException(ErrorCodes.NoMatchingPlatform, $"{where}no image for platform {Target} (available: {list})");
    }

    private static List<Platform> Vector(Platform platform)
    {
        var vector = new List<Platform> { platform };
        switch (platform.Architecture)
        {
            case "amd64":
                if (VariantNumber(platform.Variant) is { } amd64 && amd64 > 1)
                {
                    for (var v = Math.Min(amd64 - 1, MaxVariant); v >= 1; v--)
                    {
                        vector.Add(platform with { Variant = "v" + Invariant(v) });
                    }
                }

                vector.Add(platform with { Architecture = "386", Variant = null });
                break;
            case "arm":
                if (VariantNumber(platform.Variant) is { } arm && arm > 5)
                {
                    for (var v = Math.Min(arm - 1, MaxVariant); v >= 5; v--)
                    {
                        vector.Add(platform with { Variant = "v" + Invariant(v) });
                    }
                }

                break;
            case "arm64":
                vector.AddRange(Arm64Fallbacks(platform));
                break;
        }

        return vector;
    }

    /// <summary>arm64/v9.x runs v9.{x-1..0} and v8.{x+5..0}; arm64/v8.x runs v8.{x-1..0}; all run 32-bit arm/v8 and below.</summary>
    private static List<Platform> Arm64Fallbacks(Platform platform)
    {
        var result = new List<Platform>();
        var variant = platform.Variant ?? "v8";
        var dot = variant.IndexOf('.', StringComparison.Ordinal);
        var majorText = dot < 0 ? variant : variant[..dot];
        if (VariantNumber(majorText) is { } major && major >= 8)
        {
            var minor = 0;
            if (variant.Length == 4 && dot >= 0 && int.TryParse(variant[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                minor = m;
            }

            if (major == 9)
            {
                for (var v = minor - 1; v >= 0; v--)
                {
                    result.Add(platform with { Variant = v == 0 ? "v9" : $"v9.{Invariant(v)}" });
                }

                minor = Math.Min(minor + 5, 9);
                major = 8;
                result.Add(platform with { Variant = $"v8.{Invariant(minor)}" });
            }

            for (var v = minor - 1; v >= 0; v--)
            {
                result.Add(platform with { Variant = v == 0 ? $"v{Invariant(major)}" : $"v{Invariant(major)}.{Invariant(v)}" });
            }
        }

        var armVariant = variant.StartsWith("v8.", StringComparison.Ordinal) || variant.StartsWith("v9.", StringComparison.Ordinal) ? "v8" : variant;
        result.AddRange(Vector(platform with { Architecture = "arm", Variant = armVariant }));
        return result;
    }

    private static int? VariantNumber(string? variant)
    {
        var digits = variant is not null && variant.StartsWith('v') ? variant[1..] : variant;
        return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
