using System.Runtime.Versioning;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Content;

public sealed class ContentStoreReadTests : IDisposable
{
    private readonly TempRoot root = new();
    private readonly ContentStore store;

    public ContentStoreReadTests() => store = new ContentStore(root.Paths);

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task MissingBlobIsReportedAsNotFound()
    {
        var digest = Digest.Sha256([42]);

        Assert.False(await store.ExistsAsync(digest, CancellationToken.None));
        Assert.Null(await store.InfoAsync(digest, CancellationToken.None));
        Assert.False(await store.VerifyAsync(digest, CancellationToken.None));
        Assert.Equal(ErrorCodes.BlobNotFound, Assert.Throws<KilnException>(() => store.OpenRead(digest)).Code);
        var ex = await Assert.ThrowsAsync<KilnException>(() => store.ReadAllBytesAsync(digest, CancellationToken.None));
        Assert.Equal(ErrorCodes.BlobNotFound, ex.Code);
    }

    [Fact]
    public async Task OpenReadStreamsTheBlob()
    {
        var data = ContentStoreIngestTests.Bytes(200_000, seed: 20);
        var digest = Digest.Sha256(data);
        await store.WriteAsync(digest, data, CancellationToken.None);

        await using var stream = store.OpenRead(digest);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public async Task WalkListsEveryBlobWithItsSizeAndSkipsStrangers()
    {
        var blobs = new[] { 0, 10, 5_000 }.Select(n => ContentStoreIngestTests.Bytes(n, seed: n)).ToArray();
        foreach (var blob in blobs)
        {
            await store.WriteAsync(Digest.Sha256(blob), blob, CancellationToken.None);
        }

        var sha512 = ContentStoreIngestTests.Bytes(33, seed: 33);
        var sha512Digest = Digest.Compute(Digest.Sha512Algorithm, sha512);
        await store.WriteAsync(sha512Digest, sha512, CancellationToken.None);

        var sha256Directory = Path.Combine(root.Paths.BlobsDirectory, "sha256");
        await File.WriteAllTextAsync(Path.Combine(sha256Directory, "not-a-digest"), "x");
        await File.WriteAllTextAsync(Path.Combine(sha256Directory, Digest.Sha256([9]).Hex.ToUpperInvariant()), "x");
        Directory.CreateDirectory(Path.Combine(root.Paths.BlobsDirectory, "md5"));
        await File.WriteAllTextAsync(Path.Combine(root.Paths.BlobsDirectory, "md5", "d41d8cd98f00b204e9800998ecf8427e"), "");

        var walked = await ToListAsync(store.WalkAsync(CancellationToken.None));

        var expected = blobs.Select(b => new ContentInfo(Digest.Sha256(b), b.Length))
            .Append(new ContentInfo(sha512Digest, sha512.Length))
            .OrderBy(i => i.Digest)
            .ToList();
        Assert.Equal(expected, walked.OrderBy(i => i.Digest).ToList());
    }

    [Fact]
    public async Task WalkOfAnEmptyStoreIsEmpty() =>
        Assert.Empty(await ToListAsync(store.WalkAsync(CancellationToken.None)));

    [Fact]
    public async Task DeleteRemovesOnlyThatBlob()
    {
        var a = ContentStoreIngestTests.Bytes(100, seed: 1);
        var b = ContentStoreIngestTests.Bytes(200, seed: 2);
        await store.WriteAsync(Digest.Sha256(a), a, CancellationToken.None);
        await store.WriteAsync(Digest.Sha256(b), b, CancellationToken.None);

        Assert.True(await store.DeleteAsync(Digest.Sha256(a), CancellationToken.None));
        Assert.False(await store.DeleteAsync(Digest.Sha256(a), CancellationToken.None));

        Assert.False(await store.ExistsAsync(Digest.Sha256(a), CancellationToken.None));
        Assert.True(await store.ExistsAsync(Digest.Sha256(b), CancellationToken.None));
        var walked = await ToListAsync(store.WalkAsync(CancellationToken.None));
        Assert.Equal([new ContentInfo(Digest.Sha256(b), 200)], walked);
    }

    [Fact]
    public async Task OpenReaderKeepsItsViewAfterDelete()
    {
        var data = ContentStoreIngestTests.Bytes(10_000, seed: 3);
        var digest = Digest.Sha256(data);
        await store.WriteAsync(digest, data, CancellationToken.None);

        await using var stream = store.OpenRead(digest);
        Assert.True(await store.DeleteAsync(digest, CancellationToken.None));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task VerifyDetectsADamagedBlob()
    {
        var data = ContentStoreIngestTests.Bytes(1_000, seed: 4);
        var digest = Digest.Sha256(data);
        await store.WriteAsync(digest, data, CancellationToken.None);
        var path = store.BlobPath(digest);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        data[500] ^= 0xff;
        await File.WriteAllBytesAsync(path, data);

        Assert.False(await store.VerifyAsync(digest, CancellationToken.None));
    }

    [Fact]
    public async Task CleanupRemovesOnlyStaleIngestFiles()
    {
        Directory.CreateDirectory(root.Paths.IngestDirectory);
        var stale = Path.Combine(root.Paths.IngestDirectory, "1.dead.partial");
        await File.WriteAllTextAsync(stale, "left by a killed writer");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));
        var data = ContentStoreIngestTests.Bytes(64, seed: 5);
        var writer = store.OpenWriter(Digest.Sha256(data), data.Length);
        await using (writer)
        {
            await writer.WriteAsync(data);

            Assert.Equal(1, await store.CleanupIngestAsync(TimeSpan.FromHours(1), CancellationToken.None));

            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(writer.TempPath));
            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.True(await store.VerifyAsync(Digest.Sha256(data), CancellationToken.None));
        Assert.Equal(0, await store.CleanupIngestAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
