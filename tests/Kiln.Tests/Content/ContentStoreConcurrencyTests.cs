using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Content;

public sealed class ContentStoreConcurrencyTests : IDisposable
{
    private readonly TempRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task ManyWritersOfOneBlobAllSucceed()
    {
        var data = ContentStoreIngestTests.Bytes(1 << 20, seed: 1);
        var digest = Digest.Sha256(data);

        // Separate store instances, as separate builds in one process would have.
        var writers = Enumerable.Range(0, 24).Select(_ => Task.Run(() =>
            new ContentStore(root.Paths).IngestAsync(new ScriptedStream(data), digest, data.Length, CancellationToken.None)));
        var results = await Task.WhenAll(writers);

        Assert.All(results, r => Assert.Equal(new ContentInfo(digest, data.Length), r));
        var store = new ContentStore(root.Paths);
        Assert.True(await store.VerifyAsync(digest, CancellationToken.None));
        Assert.Single(root.BlobFiles());
        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    public async Task CorruptWritersRacingHonestOnesNeverWinTheBlob()
    {
        var data = ContentStoreIngestTests.Bytes(256 * 1024, seed: 2);
        var corrupt = (byte[])data.Clone();
        corrupt[^1] ^= 1;
        var digest = Digest.Sha256(data);

        var writers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await new ContentStore(root.Paths).IngestAsync(new ScriptedStream(i % 2 == 0 ? data : corrupt), digest, null, CancellationToken.None);
                return (ErrorCode?)null;
            }
            catch (KilnException ex)
            {
                return ex.Code;
            }
        }));
        var outcomes = await Task.WhenAll(writers);

        // A corrupt writer that started after an honest commit is skipped (the blob is present); any other fails.
        Assert.All(outcomes, o => Assert.True(o is null || o == ErrorCodes.BlobDigestMismatch, $"unexpected {o}"));
        Assert.Contains(outcomes, o => o is null);
        Assert.True(await new ContentStore(root.Paths).VerifyAsync(digest, CancellationToken.None));
        Assert.Single(root.BlobFiles());
        Assert.Empty(root.IngestFiles());
    }

    [Fact]
    public async Task ManyWritersOfDifferentBlobsAllLand()
    {
        var blobs = Enumerable.Range(0, 40).Select(i => ContentStoreIngestTests.Bytes(1_000 + i, seed: i)).ToArray();
        var store = new ContentStore(root.Paths);

        await Parallel.ForEachAsync(blobs, async (blob, ct) =>
            await store.WriteAsync(Digest.Sha256(blob), blob, ct));

        foreach (var blob in blobs)
        {
            Assert.Equal(blob, await store.ReadAllBytesAsync(Digest.Sha256(blob), CancellationToken.None));
        }

        Assert.Equal(blobs.Length, root.BlobFiles().Length);
        Assert.Empty(root.IngestFiles());
    }
}
