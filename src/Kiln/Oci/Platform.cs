using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kiln.Diagnostics;
using CpuArchitecture = System.Runtime.InteropServices.Architecture;

namespace Kiln.Oci;

/// <summary>
/// An OCI platform: os/architecture[/variant], plus os.version and os.features. Parsing, formatting and
/// normalization give containerd's results; a missing variant is null, never empty.
/// </summary>
internal sealed partial record Platform : ICanonicalJson
{
    public Platform(string OS, string Architecture, string? Variant = null)
    {
        this.OS = OS;
        this.Architecture = Architecture;
        this.Variant = string.IsNullOrEmpty(Variant) ? null : Variant;
    }

    public string OS { get; init; }

    public string Architecture { get; init; }

    public string? Variant { get; init; }

    public string? OSVersion { get; init; }

    public ImmutableArray<string> OSFeatures { get; init; } = [];

    /// <summary>The platform of the machine kiln runs on, normalized.</summary>
    public static Platform Current
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : PlatformNames.Linux;
            var (arch, variant) = RuntimeInformation.OSArchitecture switch
            {
                CpuArchitecture.X64 => ("amd64", ""),
                CpuArchitecture.X86 => ("386", ""),
                CpuArchitecture.Arm64 => ("arm64", ""),
                CpuArchitecture.Arm => ("arm", "v7"),
                CpuArchitecture.Armv6 => ("arm", "v6"),
                CpuArchitecture.S390x => ("s390x", ""),
                CpuArchitecture.Ppc64le => ("ppc64le", ""),
                CpuArchitecture.LoongArch64 => ("loong64", ""),
                CpuArchitecture.RiscV64 => ("riscv64", ""),
                var other => (other.ToString().ToLowerInvariant(), ""),
            };
            return new Platform(os, arch, variant);
        }
    }

    /// <summary>Parses <c>os[(osversion)]/arch[/variant]</c>; both os and architecture are required.</summary>
    public static Platform Parse(string value) =>
        TryParse(value, out var platform, out var error) ? platform : throw Invalid(value, error);

    public static bool TryParse(string? value, out Platform platform) => TryParse(value, out platform, out _);

    public static bool TryParse(string? value, out Platform platform, out string error)
    {
        platform = null!;
        if (!TrySplit(value, out var os, out var osVersion, out var parts, out error))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            error = "expected os/arch[/variant], e.g. linux/amd64";
            return false;
        }

        platform = FromParts(os, osVersion, parts);
        return true;
    }

    /// <summary>
    /// Parses a containerd platform specifier, which may also be a lone OS ("linux") or architecture ("arm64");
    /// the missing half comes from <paramref name="host"/>. "local" (as buildx accepts it) is the host itself.
    /// </summary>
    public static Platform ParseSpecifier(string value, Platform host)
    {
        if (value == "local")
        {
            return host;
        }

        if (!TrySplit(value, out var os, out var osVersion, out var parts, out var error))
        {
            throw Invalid(value, error);
        }

        if (parts.Length > 1)
        {
            return FromParts(os, osVersion, parts);
        }

        if (PlatformNames.IsKnownOS(os))
        {
            var variant = host.Architecture == "arm" && host.Variant != "v7" ? host.Variant : null;
            return new Platform(os, host.Architecture, variant) { OSVersion = osVersion };
        }

        var (arch, v) = PlatformNames.NormalizeArchitecture(parts[0], "");
        if (PlatformNames.IsKnownArchitecture(arch) && osVersion is null)
        {
            return new Platform(host.OS, arch, arch == "arm" && v == "v7" ? null : v);
        }

        throw Invalid(value, "unknown operating system or architecture");
    }

    /// <summary>Reads the OCI JSON form (architecture, os, os.version, os.features, variant).</summary>
    public static Platform Read(OciJsonObject json)
    {
        var os = json.RequiredString("os");
        var architecture = json.RequiredString("architecture");
        if (os.Length == 0 || architecture.Length == 0)
        {
            throw json.Error("os and architecture must not be empty");
        }

        return new Platform(os, architecture, json.OptionalString("variant"))
        {
            OSVersion = NullIfEmpty(json.OptionalString("os.version")),
            OSFeatures = json.OptionalStringArray("os.features") ?? [],
        };
    }

    /// <summary>The canonical form containerd compares: names normalized, arm/v7 explicit, arm64/v8 and amd64/v1 implicit.</summary>
    public Platform Normalize()
    {
        var (arch, variant) = PlatformNames.NormalizeArchitecture(Architecture, Variant ?? "");
        return this with { OS = PlatformNames.NormalizeOS(OS), Architecture = arch, Variant = variant.Length == 0 ? null : variant };
    }

    /// <summary>os/arch[/variant], with os(version) when an OS version is set.</summary>
    public string FormatAll() => OSVersion is null ? ToString() : $"{OS}({OSVersion})/{Architecture}{(Variant is null ? "" : "/" + Variant)}";

    public override string ToString() => Variant is null ? $"{OS}/{Architecture}" : $"{OS}/{Architecture}/{Variant}";

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("architecture", Architecture);
        writer.WriteString("os", OS);
        CanonicalJson.WriteOptionalString(writer, "os.version", OSVersion);
        if (!OSFeatures.IsDefaultOrEmpty)
        {
            CanonicalJson.WriteStringArray(writer, "os.features", OSFeatures);
        }

        CanonicalJson.WriteOptionalString(writer, "variant", Variant);
        writer.WriteEndObject();
    }

    public bool Equals(Platform? other) =>
        other is not null
        && OS == other.OS
        && Architecture == other.Architecture
        && Variant == other.Variant
        && OSVersion == other.OSVersion
        && OSFeatures.AsSpan().SequenceEqual(other.OSFeatures.AsSpan());

    public override int GetHashCode() => HashCode.Combine(OS, Architecture, Variant, OSVersion);

    private static Platform FromParts(string os, string? osVersion, string[] parts)
    {
        if (parts.Length == 2)
        {
            var (arch, variant) = PlatformNames.NormalizeArchitecture(parts[1], "");
            return new Platform(os, arch, arch == "arm" && variant == "v7" ? null : variant) { OSVersion = osVersion };
        }

        var (arch3, variant3) = PlatformNames.NormalizeArchitecture(parts[1], parts[2]);
        return new Platform(os, arch3, arch3 == "arm64" && variant3.Length == 0 ? "v8" : variant3) { OSVersion = osVersion };
    }

    private static bool TrySplit(string? value, out string os, out string? osVersion, out string[] parts, out string error)
    {
        os = "";
        osVersion = null;
        parts = [];
        if (string.IsNullOrEmpty(value))
        {
            error = "empty platform";
            return false;
        }

        if (value.Contains('*', StringComparison.Ordinal))
        {
            error = "wildcards are not supported";
            return false;
        }

        parts = value.Split('/', 4);
        if (parts.Length > 3)
        {
            error = "too many components: expected os/arch[/variant]";
            return false;
        }

        var osMatch = OSPattern().Match(parts[0]);
        if (!osMatch.Success)
        {
            error = $"invalid os \"{Shorten(parts[0])}\": expected letters, digits, '_' or '-', with an optional (os.version)";
            return false;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (!ComponentPattern().IsMatch(parts[i]))
            {
                error = $"invalid component \"{Shorten(parts[i])}\": expected letters, digits, '_', '.' or '-'";
                return false;
            }
        }

        os = PlatformNames.NormalizeOS(osMatch.Groups[1].Value);
        osVersion = NullIfEmpty(osMatch.Groups[2].Value);
        error = "";
        return true;
    }

    private static KilnException Invalid(string? value, string error) =>
        new(ErrorCodes.InvalidPlatform, $"invalid platform \"{Shorten(value ?? "")}\": {error}");

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "...";

    [GeneratedRegex(@"^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex OSPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentPattern();
}
