namespace Kiln.Export.Outputs;

/// <summary>The exporters of <c>--output type=...</c>; a flags enum so the option table can name the types a key applies to.</summary>
[Flags]
internal enum OutputType
{
    None = 0,

    /// <summary>kiln's local image store (and, with push=true, a registry; <c>type=registry</c> is image with push).</summary>
    Image = 1,

    /// <summary>An OCI image layout, as a tar or (tar=false) a directory.</summary>
    Oci = 2,

    /// <summary>A tar <c>docker load</c> accepts (one platform only).</summary>
    Docker = 4,

    /// <summary>The final filesystem as a tar.</summary>
    Tar = 8,

    /// <summary>The final filesystem copied to a directory.</summary>
    Local = 16,

    /// <summary>Nothing but the build cache.</summary>
    CacheOnly = 32,

    /// <summary>The outputs that assemble an image.</summary>
    Images = Image | Oci | Docker,

    /// <summary>The outputs that write the final filesystem.</summary>
    Filesystems = Tar | Local,
}
