using Kiln.Oci;

namespace Kiln.Export.Assembly;

/// <summary>
/// One platform of a build result to assemble: the top committed snapshot (null: an empty scratch image) and the image
/// config from the Dockerfile converter, with history but an empty rootfs. <see cref="BaseConfig"/> is the base image's
/// config when there is one: its history keeps its own times under SOURCE_DATE_EPOCH, as BuildKit does.
/// </summary>
internal sealed record ImageInput(Platform Platform, string? RootSnapshot, ImageConfig Config)
{
    public ImageConfig? BaseConfig { get; init; }
}
