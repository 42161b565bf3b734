using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Content.Images;

/// <summary>What <c>image rm</c> did: the stored names it removed and the names it could not find.</summary>
internal sealed record ImageRemoval(ImmutableArray<string> Removed, ImmutableArray<string> Missing)
{
    /// <summary>Throws KILN1930 naming every unknown image, after the known ones were removed.</summary>
    public void ThrowIfMissing()
    {
        if (!Missing.IsEmpty)
        {
            throw new KilnException(
                ErrorCodes.ImageNotFound,
                $"no such image in kiln's local store: {string.Join(", ", Missing)} (see `kiln images`)");
        }
    }
}
