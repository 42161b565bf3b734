using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Export.Push;

/// <summary>
/// A finished push: the root descriptor, the names the image now has (for <c>image.name</c> in the metadata file),
/// what happened to each blob in each target repository.
/// </summary>
internal sealed record PushResult(Descriptor Descriptor, ImmutableArray<string> Names, ImmutableArray<PushedBlob> Blobs)
{
    /// <summary>The <c>image.name</c> value of buildx's metadata file: the names joined by commas.</summary>
    public string ImageName => string.Join(',', Names);

    /// <summary>The <c>containerimage.digest</c> value.</summary>
    public Digest Digest => Descriptor.Digest;
}
