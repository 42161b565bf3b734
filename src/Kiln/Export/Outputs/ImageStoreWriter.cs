using System.Collections.Immutable;
using Kiln.Content.Metadata;
using Kiln.Export.Assembly;
using Kiln.Oci;

namespace Kiln.Export.Outputs;

/// <summary>
/// Records an assembled image in kiln's local image store (type=image): under each of its names (a missing tag is
/// <c>latest</c>), or without names under <c>PREFIX@DIGEST</c> when a dangling-name-prefix is given.
/// </summary>
internal sealed class ImageStoreWriter(ImageTable images, TimeProvider timeProvider)
{
    /// <summary>Stores the image and returns the names it is stored under.</summary>
    public async Task<ImmutableArray<string>> StoreAsync(AssembledImage image, ImmutableArray<string> names, string? danglingPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var stored = names.IsDefaultOrEmpty
            ? danglingPrefix is { Length: > 0 } prefix ? [$"{prefix}@{image.Root.Digest}"] : ImmutableArray<string>.Empty
            : [.. names.Select(n => Reference.Parse(n).WithDefaultTag().ToString())];
        var platforms = image.Platforms.Select(p => new Platform(p.Platform.OS, p.Platform.Architecture, p.Platform.Variant)).ToImmutableArray();
        foreach (var name in stored)
        {
            var record = new ImageRecord(name, image.Root.Digest, image.Root.MediaType, image.Root.Size, timeProvider.GetUtcNow()) { Platforms = platforms };
            await images.PutAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }
}
