namespace Kiln.Registry;

/// <summary>How a blob reached the target repository.</summary>
internal enum BlobPushResult
{
    /// <summary>The repository already held it; nothing was sent.</summary>
    Skipped,

    /// <summary>The registry linked it from another repository (cross-repository mount).</summary>
    Mounted,

    /// <summary>Its bytes were uploaded.</summary>
    Uploaded,
}
