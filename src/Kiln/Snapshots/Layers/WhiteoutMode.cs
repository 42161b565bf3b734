namespace Kiln.Snapshots.Layers;

/// <summary>How OCI whiteout entries of a layer are realised in the target directory.</summary>
internal enum WhiteoutMode
{
    /// <summary>The target is an overlayfs upper or committed layer: whiteouts become 0/0 character devices, opaque dirs an xattr.</summary>
    Overlay,

    /// <summary>The target is a full root filesystem (copy snapshotter): whiteouts delete, opaque markers empty the directory.</summary>
    Direct,
}
