using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>An OCI platform: os/architecture[/variant], plus os.version and os.features.</summary>
internal sealed record Platform(string OS, string Architecture, string? Variant = null)
{
    public string? OSVersion { get; init; }

    public ImmutableArray<string> OSFeatures { get; init; } = [];

    public static Platform Parse(string value)
    {
        var parts = value.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrEmpty))
        {
            throw new KilnException(ErrorCodes.InvalidPlatform, $"invalid platform \"{value}\": expected os/arch[/variant]");
        }

        return new Platform(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null);
    }

    public override string ToString() => Variant is null ? $"{OS}/{Architecture}" : $"{OS}/{Architecture}/{Variant}";
}
