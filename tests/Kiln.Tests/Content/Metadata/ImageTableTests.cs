using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Content.Metadata;

public sealed class ImageTableTests : IDisposable
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
    private readonly TempRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task PutThenGetRoundTripsEveryField()
    {
        var images = await OpenAsync();
        var record = Image("docker.io/library/busybox:latest", 1) with
        {
            Platforms = [Platform.Parse("linux/amd64"), Platform.Parse("linux/arm/v7")],
        };

        await images.PutAsync(record, CancellationToken.None);
        var read = await images.GetAsync(record.Name, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(record.Name, read.Name);
        Assert.Equal(record.Digest, read.Digest);
        Assert.Equal(MediaType.OciIndex, read.MediaType);
        Assert.Equal(record.Size, read.Size);
        Assert.Equal(Created, read.Created);
        Assert.Equal(["linux/amd64", "linux/arm/v7"], read.Platforms.Select(p => p.ToString()));
    }

    [Fact]
    public async Task PutReplacesAnImageOfTheSameName()
    {
        var images = await OpenAsync();
        await images.PutAsync(Image("app:1", 1), CancellationToken.None);

        await images.PutAsync(Image("app:1", 2), CancellationToken.None);

        var all = await images.ListAsync(CancellationToken.None);
        Assert.Equal(Digest.Sha256([2]), Assert.Single(all).Digest);
        Assert.Empty(Assert.Single(all).Platforms);
    }

    [Fact]
    public async Task ListIsOrderedByNameAndFiltersByDigest()
    {
        var images = await OpenAsync();
        await images.PutAsync(Image("b", 1), CancellationToken.None);
        await images.PutAsync(Image("a", 1), CancellationToken.None);
        await images.PutAsync(Image("c", 2), CancellationToken.None);

        Assert.Equal(["a", "b", "c"], (await images.ListAsync(CancellationToken.None)).Select(i => i.Name));
        Assert.Equal(["a", "b"], (await images.ListByDigestAsync(Digest.Sha256([1]), CancellationToken.None)).Select(i => i.Name));
    }

    [Fact]
    public async Task DeleteReportsWhetherTheImageExisted()
    {
        var images = await OpenAsync();
        await images.PutAsync(Image("a", 1), CancellationToken.None);

        Assert.True(await images.DeleteAsync("a", CancellationToken.None));
        Assert.False(await images.DeleteAsync("a", CancellationToken.None));
        Assert.Null(await images.GetAsync("a", CancellationToken.None));
    }

    [Theory]
    [InlineData("", 1L)]
    [InlineData("x", -1L)]
    public async Task InvalidRecordIsRejected(string name, long size)
    {
        var images = await OpenAsync();

        var ex = await Assert.ThrowsAsync<KilnException>(() => images.PutAsync(Image(name, 1) with { Size = size }, CancellationToken.None));

        Assert.Equal(ErrorCodes.MetadataRecordInvalid, ex.Code);
    }

    [Theory]
    [InlineData("sha256:../../x", "")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "linux")]
    public async Task DamagedRowIsReportedNotTrusted(string digest, string platforms)
    {
        var images = await OpenAsync();
        var db = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);
        await MetadataMigrationTests.ExecuteAsync(db, $"INSERT INTO images VALUES ('bad', '{digest}', 'x', 1, '{platforms}', 0)");

        var ex = await Assert.ThrowsAsync<KilnException>(() => images.GetAsync("bad", CancellationToken.None));

        Assert.Equal(ErrorCodes.MetadataRecordInvalid, ex.Code);
    }

    [Fact]
    public async Task ConcurrentWritersLoseNothing()
    {
        var images = await OpenAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await images.PutAsync(Image($"img-{i:D3}", i % 7), ct));

        var all = await images.ListAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"img-{i:D3}"), all.Select(i => i.Name));
    }

    private async Task<ImageTable> OpenAsync() =>
        new(await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None));

    private static ImageRecord Image(string name, byte seed) => new(name, Digest.Sha256([seed]), MediaType.OciIndex, 100 + seed, Created);

    private static ImageRecord Image(string name, int seed) => Image(name, (byte)seed);
}
