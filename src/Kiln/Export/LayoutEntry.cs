using Kiln.Oci;

namespace Kiln.Export;

/// <summary>One file of an exported layout: either literal bytes or a blob copied from the content store.</summary>
internal sealed record LayoutEntry(string Path, byte[]? Bytes, Descriptor? Blob)
{
    public static LayoutEntry ForBytes(string path, byte[] bytes) => new(path, bytes, null);

    public static LayoutEntry ForBlob(Descriptor blob) => new(BlobPath(blob.Digest), null, blob);

    /// <summary>The layout path of a blob, <c>blobs/ALGORITHM/HEX</c>; a parsed digest cannot hold a path separator.</summary>
    public static string BlobPath(Digest digest) => $"blobs/{digest.Algorithm}/{digest.Hex}";

    public long Size => Bytes?.LongLength ?? Blob!.Size;
}
