using Kiln.Content;
using Kiln.Oci;

namespace Kiln.TestHost;

/// <summary>
/// Starts an ingest, writes part of the blob, says "writing" and then blocks on stdin, so that a test can kill the
/// process in the middle of a write.
/// </summary>
internal static class PartialIngest
{
    public static readonly byte[] Blob = CreateBlob();

    public static async Task<int> RunAsync(string root)
    {
        var store = new ContentStore(new KilnPaths(root));
        var writer = store.OpenWriter(Digest.Sha256(Blob), Blob.Length);
        await writer.WriteAsync(Blob.AsMemory(0, Blob.Length / 2));
        await writer.FlushAsync();
        await Console.Out.WriteLineAsync("writing");
        await Console.Out.FlushAsync();
        await Console.In.ReadLineAsync();
        return 4; // never commits: the test kills the process before this
    }

    private static byte[] CreateBlob()
    {
        var data = new byte[2 * 1024 * 1024];
        new Random(5).NextBytes(data);
        return data;
    }
}
