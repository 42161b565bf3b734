using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Registry;

/// <summary>Transient failures injected by <see cref="FaultProxy"/> in front of the real registry are retried; lies are not.</summary>
public sealed class RetryTests : IDisposable
{
    private readonly FaultProxy proxy;
    private readonly RegistryClient client;
    private readonly Reference repo;

    public RetryTests()
    {
        LocalRegistry.EnsureRunning();
        proxy = new FaultProxy(LocalRegistry.Address);
        client = LocalRegistry.Client(new RegistryOptions { MaxRetryAttempts = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        repo = LocalRegistry.NewRepository("retry", proxy.Address);
    }

    public void Dispose()
    {
        client.Dispose();
        proxy.Dispose();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task TransientStatusesOnResolveAreRetried(int status)
    {
        var (pushed, _) = await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        proxy.Inject("HEAD", "/manifests/v1", Fault.WithStatus(status), times: 2);

        var resolved = await client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None);

        Assert.Equal(pushed, resolved);
        Assert.Equal(2, proxy.FaultsServed);
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfterIsHonoured()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(1000);
        proxy.Inject("HEAD", "/blobs/", Fault.WithStatus(429, ("Retry-After", "1")));

        Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
        Assert.Equal(1, proxy.FaultsServed);
    }

    [Fact]
    public async Task DroppedConnectionsAreRetried()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(100_000);
        await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);
        proxy.Inject("GET", "/blobs/", Fault.Drop, times: 2);

        using var destination = new MemoryStream();
        await client.FetchBlobAsync(repo, blob, destination, CancellationToken.None);

        Assert.Equal(bytes, destination.ToArray());
        Assert.Equal(2, proxy.FaultsServed);
    }

    [Fact]
    public async Task ABodyCutOffMidwayIsFetchedAgainIntoASeekableDestination()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(300_000);
        await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);
        proxy.Inject("GET", "/blobs/", Fault.Truncate);

        using var destination = new MemoryStream();
        await client.FetchBlobAsync(repo, blob, destination, CancellationToken.None);

        Assert.Equal(bytes, destination.ToArray());
        Assert.Equal(1, proxy.FaultsServed);
    }

    [Fact]
    public async Task ATruncatedBodyReadAsAStreamFailsNamingTheBlob()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(300_000);
        await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);
        proxy.Inject("GET", "/blobs/", Fault.Truncate);

        await using var stream = await client.OpenBlobAsync(repo, blob, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<BrokenBodyException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(ErrorCodes.RegistrySizeMismatch, ex.Code);
        Assert.Contains($"{repo.Name}@{blob.Digest}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptedBlobIsADigestMismatchAndIsNotRetried()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(10_000);
        await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);
        proxy.Inject("GET", "/blobs/", Fault.Corrupt, times: 10);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.FetchBlobAsync(repo, blob, new MemoryStream(), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryDigestMismatch, ex.Code);
        Assert.Contains(blob.Digest.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, proxy.FaultsServed);
    }

    [Fact]
    public async Task ACorruptedManifestFetchedByDigestIsRejected()
    {
        var (pushed, _) = await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        proxy.Inject("GET", "/manifests/", Fault.Corrupt);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.GetManifestAsync(repo.WithDigest(pushed.Digest), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryDigestMismatch, ex.Code);
        Assert.Contains(pushed.Digest.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedMonolithicUploadRestartsWithANewSession()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(200_000);
        proxy.Inject("PUT", "/blobs/uploads/", Fault.WithStatus(503));
        proxy.Inject("POST", "/blobs/uploads/", Fault.Drop);

        Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
        Assert.Equal(2, proxy.FaultsServed);
        Assert.True(await client.BlobExistsAsync(repo, blob.Digest, CancellationToken.None));
    }

    [Fact]
    public async Task FailedChunkRestartsTheChunkedUpload()
    {
        using var chunked = LocalRegistry.Client(new RegistryOptions { ChunkedUploadThreshold = 1, ChunkSize = 32 * 1024, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var (blob, bytes) = LocalRegistry.RandomBlob(100_000);
        proxy.Inject("PATCH", "/blobs/uploads/", Fault.WithStatus(500));

        Assert.Equal(BlobPushResult.Uploaded, await chunked.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
        Assert.Equal(1, proxy.FaultsServed);
    }

    [Fact]
    public async Task PersistentFailureGivesUpWithTheRegistryError()
    {
        proxy.Inject("HEAD", "/manifests/", Fault.WithStatus(503), times: 100);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryRequestFailed, ex.Code);
        Assert.Equal(4, proxy.FaultsServed);
    }

    [Theory]
    [InlineData("Bearer realm=\"http://127.0.0.1:1/token")]
    [InlineData("Bearer realm=\"http://127.0.0.1:1/token\" service=\"x\"")]
    [InlineData("Bearer service=\"x\"")]
    [InlineData("=realm")]
    public async Task AMalformedChallengeIsAClearErrorNamingTheRegistry(string header)
    {
        proxy.Inject("HEAD", "/manifests/", Fault.WithStatus(401, ("WWW-Authenticate", header)));

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.MalformedAuthChallenge, ex.Code);
        Assert.Contains(proxy.Address, ex.Message, StringComparison.Ordinal);
    }
}
