using System.Collections.Immutable;
using System.Text;
using Kiln.Content;
using Kiln.Oci;

namespace Kiln.Export;

/// <summary>The files of an OCI image layout for one root: <c>oci-layout</c>, <c>index.json</c> and the reachable blobs.</summary>
internal static class OciLayoutFiles
{
    public const string LayoutFileName = "oci-layout";
    public const string IndexFileName = "index.json";
    public const string ContainerdImageName = "io.containerd.image.name";

    public static readonly byte[] LayoutFileBytes = Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}");

    public static async Task<ImmutableArray<LayoutEntry>> CollectAsync(
        ContentStore store, Descriptor root, OciLayoutOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var blobs = await ReachableBlobs.CollectAsync(store, root, cancellationToken).ConfigureAwait(false);
        var index = new ImageIndex(MediaType.OciIndex, [Annotate(root, options)]);
        var entries = new List<LayoutEntry>
        {
            LayoutEntry.ForBytes(LayoutFileName, LayoutFileBytes),
            LayoutEntry.ForBytes(IndexFileName, index.ToBytes()),
        };
        entries.AddRange(blobs.Select(LayoutEntry.ForBlob));
        return [.. entries];
    }

    /// <summary>The root descriptor as index.json lists it: annotated with the ref name and the full image name when given.</summary>
    public static Descriptor Annotate(Descriptor root, OciLayoutOptions options)
    {
        var annotations = root.Annotations;
        if (options.RefName is { } refName)
        {
            annotations = annotations.SetItem(AnnotationKeys.ImageRefName, refName);
        }

        if (options.Created is { } created)
        {
            annotations = annotations.SetItem(AnnotationKeys.ImageCreated, created.Text);
        }

        if (options.ImageName is { } imageName)
        {
            annotations = annotations.SetItem(ContainerdImageName, imageName);
        }

        return root with { Annotations = annotations };
    }
}
