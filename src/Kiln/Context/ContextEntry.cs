using Kiln.Oci;

namespace Kiln.Context;

/// <summary>
/// One path of a build context after ignore rules: its slash-separated path relative to the context root,
/// its lstat, the target of a symlink, and (once hashed) the sha256 of a regular file's content.
/// </summary>
internal sealed record ContextEntry(string Path, ContextEntryKind Kind, FileStat Stat, string? LinkTarget = null, Sha256Value? ContentHash = null)
{
    /// <summary>The sha256 digest of a hashed regular file's content.</summary>
    public Digest? ContentDigest => ContentHash?.ToDigest();

    public static ContextEntryKind KindOf(FileStat stat) =>
        stat.IsRegular ? ContextEntryKind.File
        : stat.IsDirectory ? ContextEntryKind.Directory
        : stat.IsSymlink ? ContextEntryKind.Symlink
        : ContextEntryKind.Special;
}
