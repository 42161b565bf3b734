using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// One <c>--build-context</c> entry: a local directory (sent as the LocalSourceOp named <see cref="SourceName"/>)
/// or an image reference that replaces a stage or image of the same name.
/// </summary>
internal sealed record NamedContext(NamedContextKind Kind, string SourceName, Reference? Image = null)
{
    public static NamedContext Local(string sourceName) => new(NamedContextKind.Local, sourceName);

    public static NamedContext ForImage(Reference image) => new(NamedContextKind.Image, image.ToString(), image);
}
