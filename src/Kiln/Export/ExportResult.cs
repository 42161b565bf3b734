using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kiln.Export.Assembly;
using Kiln.Oci;

namespace Kiln.Export;

/// <summary>Every output written, and the image the build's metadata describes (that of the first image output).</summary>
internal sealed record ExportResult(ImmutableArray<ExportedOutput> Outputs)
{
    public const string ImageDigestKey = "containerimage.digest";
    public const string ImageDescriptorKey = "containerimage.descriptor";
    public const string ConfigDigestKey = "containerimage.config.digest";
    public const string ImageNameKey = "image.name";

    public ExportedOutput? Primary => Outputs.FirstOrDefault(o => o.Image is not null);

    public AssembledImage? Image => Primary?.Image;

    /// <summary>The image's root descriptor (what <c>--iidfile</c> names), or null when no output made an image.</summary>
    public Descriptor? Root => Image?.Root;

    /// <summary>
    /// The exporter's part of buildx's <c>--metadata-file</c>: the root digest and descriptor, the config digest (one
    /// platform only, as buildx) and the image names.
    /// </summary>
    public JsonObject Metadata()
    {
        var metadata = new JsonObject();
        if (Primary is not { Image: { } image } primary)
        {
            return metadata;
        }

        if (image.Platforms.Length == 1)
        {
            metadata[ConfigDigestKey] = image.Platforms[0].Config.Digest.ToString();
        }

        metadata[ImageDescriptorKey] = JsonNode.Parse(image.Root.ToBytes());
        metadata[ImageDigestKey] = image.Root.Digest.ToString();
        if (!primary.Names.IsEmpty)
        {
            metadata[ImageNameKey] = string.Join(',', primary.Names);
        }

        return metadata;
    }
}
