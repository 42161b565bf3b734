using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// The automatic platform ARGs BuildKit 0.13 defines (BUILDPLATFORM, BUILDOS, BUILDARCH, BUILDVARIANT,
/// TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT) for one build and one target platform.
/// </summary>
/// <remarks>
/// Platforms are normalised first, as containerd does (aarch64 is arm64, arm64/v8 drops its variant,
/// bare arm is arm/v7), so <c>--platform linux/arm</c> yields TARGETPLATFORM=linux/arm/v7 and
/// TARGETVARIANT=v7. The values are visible before the first FROM and in a stage that re-declares them.
/// </remarks>
internal sealed record PlatformArgs
{
    private PlatformArgs(Platform build, Platform target)
    {
        Build = build;
        Target = target;
    }

    /// <summary>The names in the order BuildKit defines them.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
    ];

    public Platform Build { get; }

    public Platform Target { get; }

    /// <summary>Creates the arguments; without a target platform the build platform is the target.</summary>
    public static PlatformArgs Create(Platform build, Platform? target = null) =>
        new(Normalize(build), Normalize(target ?? build));

    public static bool IsPlatformArg(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The eight name/value pairs, in <see cref="Names"/> order; a missing variant is an empty value.</summary>
    public ImmutableArray<KeyValuePair<string, string>> ToArgs() =>
    [
        new("BUILDPLATFORM", Build.ToString()),
        new("BUILDOS", Build.OS),
        new("BUILDARCH", Build.Architecture),
        new("BUILDVARIANT", Build.Variant ?? string.Empty),
        new("TARGETPLATFORM", Target.ToString()),
        new("TARGETOS", Target.OS),
        new("TARGETARCH", Target.Architecture),
        new("TARGETVARIANT", Target.Variant ?? string.Empty),
    ];

    /// <summary>containerd's platform normalisation for the os, architecture and variant.</summary>
    public static Platform Normalize(Platform platform)
    {
        var os = platform.OS.ToLowerInvariant();
        if (os == "macos")
        {
            os = "darwin";
        }

        var (architecture, variant) = NormalizeArchitecture(
            platform.Architecture.ToLowerInvariant(),
            platform.Variant?.ToLowerInvariant() ?? string.Empty);
        return platform with { OS = os, Architecture = architecture, Variant = variant.Length == 0 ? null : variant };
    }

    private static (string Architecture, string Variant) NormalizeArchitecture(string architecture, string variant) =>
        architecture switch
        {
            "i386" => ("386", string.Empty),
            "x86_64" or "x86-64" or "amd64" => ("amd64", variant == "v1" ? string.Empty : variant),
            "aarch64" or "arm64" => ("arm64", variant is "8" or "v8" or "v8.0" ? string.Empty : variant),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", variant switch
            {
                "" or "7" => "v7",
                "5" or "6" or "8" => "v" + variant,
                _ => variant,
            }),
            _ => (architecture, variant),
        };
}
