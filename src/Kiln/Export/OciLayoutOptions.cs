namespace Kiln.Export;

/// <summary>What index.json says about the exported image.</summary>
internal sealed record OciLayoutOptions
{
    public static OciLayoutOptions Default { get; } = new();

    /// <summary>The <c>org.opencontainers.image.ref.name</c> annotation (a tag, as <c>umoci --image DIR:TAG</c> expects).</summary>
    public string? RefName { get; init; }

    /// <summary>The <c>io.containerd.image.name</c> annotation (a full image reference).</summary>
    public string? ImageName { get; init; }

    /// <summary>The <c>org.opencontainers.image.created</c> annotation BuildKit puts on index.json's entry (the export time or SOURCE_DATE_EPOCH).</summary>
    public Oci.OciTimestamp? Created { get; init; }

    /// <summary>Annotations from an image reference: the full name and its tag (<c>latest</c> when it has none).</summary>
    public static OciLayoutOptions ForName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Default;
        }

        var reference = Oci.Reference.Parse(name).WithDefaultTag();
        return new OciLayoutOptions { ImageName = reference.ToString(), RefName = reference.Tag ?? Oci.Reference.DefaultTag };
    }
}
