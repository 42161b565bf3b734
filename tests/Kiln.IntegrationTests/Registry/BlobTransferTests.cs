using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Registry;

/// <summary>Blob push, pull, mount and chunked upload against the real registry on 127.0.0.1:5000.</summary>
public sealed class BlobTransferTests
{
    public BlobTransferTests() => LocalRegistry.EnsureRunning();

    [Fact]
    public async Task PushedBlobIsFetchedByteForByteAndSkippedTheSecondTime()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("blob");
        var (blob, bytes) = LocalRegistry.RandomBlob(1024 * 1024 + 13);

        Assert.False(await client.BlobExistsAsync(repo, blob.Digest, CancellationToken.None));
        Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
        Assert.True(await client.BlobExistsAsync(repo, blob.Digest, CancellationToken.None));
        Assert.Equal(BlobPushResult.Skipped, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));

        using var destination = new MemoryStream();
        await client.FetchBlobAsync(repo, blob, destination, CancellationToken.None);
        Assert.Equal(bytes, destination.ToArray());
    }

    [Fact]
    public async Task ChunkedUploadSendsPatchesWithContentRanges()
    {
        LocalRegistry.EnsureRunning();
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client(new RegistryOptions { ChunkedUploadThreshold = 100_000, ChunkSize = 64 * 1024, RetryBaseDelay = TimeSpan.FromMilliseconds(20) });
        var repo = LocalRegistry.NewRepository("chunked", proxy.Address);
        var (blob, bytes) = LocalRegistry.RandomBlob(5 * 64 * 1024 - 7);

        Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));

        Assert.Equal(5, proxy.Requests.Count(r => r.StartsWith("PATCH ", StringComparison.Ordinal)));
        Assert.Single(proxy.Requests, r => r.StartsWith("PUT ", StringComparison.Ordinal) && r.Contains("digest=", StringComparison.Ordinal));
        using var destination = new MemoryStream();
        await client.FetchBlobAsync(repo, blob, destination, CancellationToken.None);
        Assert.Equal(bytes, destination.ToArray());
    }

    [Fact]
    public async Task ChunkedUploadOfAFileFromDisk()
    {
        using var client = LocalRegistry.Client(new RegistryOptions { ChunkedUploadThreshold = 1, ChunkSize = 1 << 20 });
        var repo = LocalRegistry.NewRepository("chunkfile");
        var (blob, bytes) = LocalRegistry.RandomBlob(3 * (1 << 20) + 1);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, bytes);
            Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromFile(path), null, CancellationToken.None));
            Assert.True(await client.BlobExistsAsync(repo, blob.Digest, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task BlobIsMountedFromAnotherRepository()
    {
        LocalRegistry.EnsureRunning();
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var source = LocalRegistry.NewRepository("mount-src", proxy.Address);
        var target = LocalRegistry.NewRepository("mount-dst", proxy.Address);
        var (blob, bytes) = LocalRegistry.RandomBlob(200_000);
        await client.PushBlobAsync(source, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);

        var result = await client.PushBlobAsync(target, blob, BlobSource.FromBytes(bytes), source, CancellationToken.None);

        Assert.Equal(BlobPushResult.Mounted, result);
        Assert.True(await client.BlobExistsAsync(target, blob.Digest, CancellationToken.None));
        Assert.Contains(proxy.Requests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("mount=", StringComparison.Ordinal));
        Assert.DoesNotContain(proxy.Requests, r => r.StartsWith("PUT ", StringComparison.Ordinal) && r.Contains(target.Repository, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MountOfAMissingBlobFallsBackToUpload()
    {
        using var client = LocalRegistry.Client();
        var source = LocalRegistry.NewRepository("mount-empty");
        var target = LocalRegistry.NewRepository("mount-fallback");
        var (blob, bytes) = LocalRegistry.RandomBlob(5000);

        Assert.False(await client.MountBlobAsync(target, blob, source, CancellationToken.None));
        var result = await client.PushBlobAsync(target, blob, BlobSource.FromBytes(bytes), source, CancellationToken.None);

        Assert.Equal(BlobPushResult.Uploaded, result);
        Assert.True(await client.BlobExistsAsync(target, blob.Digest, CancellationToken.None));
    }

    [Fact]
    public async Task ManyBlobsPushInParallelWithinTheBound()
    {
        using var client = LocalRegistry.Client(new RegistryOptions { MaxConcurrentTransfers = 3 });
        var repo = LocalRegistry.NewRepository("parallel");
        var items = Enumerable.Range(0, 8).Select(_ => LocalRegistry.RandomBlob(50_000)).Select(b => (b.Descriptor, BlobSource.FromBytes(b.Bytes))).ToList();

        var results = await client.PushBlobsAsync(repo, items, null, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(BlobPushResult.Uploaded, r));
        foreach (var (blob, _) in items)
        {
            Assert.True(await client.BlobExistsAsync(repo, blob.Digest, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ADescriptorThatLiesAboutTheSizeIsRejectedNamingTheBlob()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("sizelie");
        var (blob, bytes) = LocalRegistry.RandomBlob(1000);
        await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<KilnException>(() =>
            client.FetchBlobAsync(repo, blob with { Size = 999 }, new MemoryStream(), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistrySizeMismatch, ex.Code);
        Assert.Contains(blob.Digest.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadSourceShorterThanItsDescriptorFailsWithoutRetrying()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("shortsource");
        var (blob, bytes) = LocalRegistry.RandomBlob(1000);

        var ex = await Assert.ThrowsAsync<KilnException>(() =>
            client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes.AsMemory(0, 500)), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobUploadFailed, ex.Code);
        Assert.False(await client.BlobExistsAsync(repo, blob.Digest, CancellationToken.None));
    }

    [Fact]
    public async Task AMissingBlobIsNotFound()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("noblob");
        var (blob, _) = LocalRegistry.RandomBlob(10);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.OpenBlobAsync(repo, blob, CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryNotFound, ex.Code);
    }
}
