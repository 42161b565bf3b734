using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// One <c>--build-context</c> entry: a local directory (sent as the LocalSourceOp named <see cref="SourceName"/>)
/// or an image reference that replaces a stage or image of the same name.
/// </summary>
internal sealed record NamedContext(NamedContextKind Kind, string SourceName, Reference? Image = null)
{
    /// <summary>For <see cref="NamedContextKind.Target"/>: the other target's result per platform.</summary>
    public ImmutableArray<PlatformResult> Results { get; init; } = [];

    public static NamedContext ForTarget(string target, ImmutableArray<PlatformResult> results) =>
        new(NamedContextKind.Target, "target:" + target) { Results = results };

    /// <summary>The result for <paramref name="platform"/>: that platform's, else the only one there is.</summary>
    public PlatformResult? ResultFor(Platform platform) =>
        Results.FirstOrDefault(r => r.Platform.Equals(platform)) ?? (Results.Length == 1 ? Results[0] : null);

    public static NamedContext Local(string sourceName) => new(NamedContextKind.Local, sourceName);

    public static NamedContext ForImage(Reference image) => new(NamedContextKind.Image, image.ToString(), image);
}
