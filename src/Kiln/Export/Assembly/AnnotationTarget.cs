namespace Kiln.Export.Assembly;

/// <summary>Where an image annotation goes (buildx's <c>annotation-TYPE.KEY</c> and <c>--annotation TYPE:KEY=V</c>).</summary>
internal enum AnnotationTarget
{
    /// <summary>The image manifest's own annotations (the default).</summary>
    Manifest,

    /// <summary>The manifest's descriptor, in the index (or the layout's index.json for a single platform).</summary>
    ManifestDescriptor,

    /// <summary>The image index's own annotations.</summary>
    Index,

    /// <summary>The index's descriptor (in the layout's index.json).</summary>
    IndexDescriptor,
}
