using System.Globalization;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Oci;

namespace Kiln.TestHost;

/// <summary>
/// One side of a two-process race on one kiln root. After "go" on stdin it opens (so migrates) the database, then
/// interleaves writes of shared blobs, its own blobs, image records plus a shared counter.
/// </summary>
internal static class StoreRace
{
    public static async Task<int> RunAsync(string root, int worker, int sharedBlobs, int ownBlobs)
    {
        try
        {
            await Console.Out.WriteLineAsync("ready");
            await Console.Out.FlushAsync();
            if (await Console.In.ReadLineAsync() != "go")
            {
                return 3;
            }

            var paths = new KilnPaths(root);
            var store = new ContentStore(paths);
            var db = await MetadataDatabase.OpenAsync(paths, CancellationToken.None);
            var images = new ImageTable(db);
            for (var i = 0; i < Math.Max(sharedBlobs, ownBlobs); i++)
            {
                if (i < sharedBlobs)
                {
                    var shared = SharedBlob(i);
                    var digest = Digest.Sha256(shared);
                    await store.IngestAsync(new MemoryStream(shared), digest, shared.Length, CancellationToken.None);
                    await images.PutAsync(Record($"shared-{i:D3}", digest, shared.Length), CancellationToken.None);
                }

                if (i < ownBlobs)
                {
                    var own = OwnBlob(worker, i);
                    var digest = Digest.Sha256(own);
                    await store.WriteAsync(digest, own, CancellationToken.None);
                    await images.PutAsync(Record($"w{worker}-{i:D3}", digest, own.Length), CancellationToken.None);
                }

                await IncrementAsync(db);
            }

            await Console.Out.WriteLineAsync("done");
            return 0;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync(ex.ToString());
            return 1;
        }
    }

    /// <summary>Bytes both workers write: 64 KiB to about 1 MiB, the same for a given index.</summary>
    public static byte[] SharedBlob(int index) => Bytes(64 * 1024 + index * 7919 % (960 * 1024), seed: index);

    public static byte[] OwnBlob(int worker, int index) => Bytes(1024 + index, seed: 1_000_000 + worker * 10_000 + index);

    private static ImageRecord Record(string name, Digest digest, long size) =>
        new(name, digest, MediaType.OciManifest, size, DateTimeOffset.UnixEpoch) { Platforms = [Platform.Parse("linux/amd64")] };

    private static Task<int> IncrementAsync(MetadataDatabase db) =>
        db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var read = connection.CreateCommand();
                read.Transaction = transaction;
                read.CommandText = "SELECT value FROM meta WHERE key = 'counter'";
                var value = await read.ExecuteScalarAsync(ct) is string s ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
                return await MetaTable.SetAsync(connection, transaction, "counter", (value + 1).ToString(CultureInfo.InvariantCulture), ct);
            },
            CancellationToken.None);

    private static byte[] Bytes(int size, int seed)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }
}
