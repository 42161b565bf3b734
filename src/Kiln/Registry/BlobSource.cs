namespace Kiln.Registry;

/// <summary>Where a blob to push comes from: something that can be opened again for every upload attempt.</summary>
internal sealed class BlobSource(Func<Stream> open)
{
    public static BlobSource FromBytes(ReadOnlyMemory<byte> bytes) =>
        new(() => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false));

    public static BlobSource FromFile(string path) =>
        new(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan));

    public Stream Open() => open();
}
