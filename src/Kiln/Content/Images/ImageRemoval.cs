using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Content.Images;

/// <summary>
/// What <c>image rm</c> did: the stored names it removed, the arguments it could not find, and the IDs it refused
/// (a prefix of several images, or an image of several names without force).
/// </summary>
internal sealed record ImageRemoval(ImmutableArray<string> Removed, ImmutableArray<string> Missing)
{
    public ImmutableArray<string> Refused { get; init; } = [];

    /// <summary>Throws KILN1930 for unknown images, else KILN1934 for refused IDs, after everything else was removed.</summary>
    public void ThrowIfFailed()
    {
        if (!Missing.IsEmpty)
        {
            var refused = Refused.IsEmpty ? "" : $"; refused without --force (several names or images): {string.Join(", ", Refused)}";
            throw new KilnException(
                ErrorCodes.ImageNotFound,
                $"no such image in kiln's local store: {string.Join(", ", Missing)} (see `kiln images`){refused}");
        }

        if (!Refused.IsEmpty)
        {
            throw new KilnException(
                ErrorCodes.ImageIdAmbiguous,
                $"{string.Join(", ", Refused)}: the ID names several images, or one image under several names; remove it by name, or use --force to remove every name of one image");
        }
    }
}
