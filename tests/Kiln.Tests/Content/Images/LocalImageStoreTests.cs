using Kiln.Content.Images;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Tests.Export;

namespace Kiln.Tests.Content.Images;

public sealed class LocalImageStoreTests : IDisposable
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly ExportFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    public static TheoryData<string, string, string, string> Names => new()
    {
        { "hub library image", "docker.io/library/busybox:1.36", "busybox", "1.36" },
        { "hub user image", "docker.io/me/app:latest", "me/app", "latest" },
        { "registry with port", "127.0.0.1:5000/team/app:v1", "127.0.0.1:5000/team/app", "v1" },
        { "digest-only name", "r.io/app@sha256:" + new string('a', 64), "r.io/app", "<none>" },
        { "not a reference", "Not A Name!", "Not A Name!", "<none>" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void NamesSplitIntoRepositoryAndTag(string name, string stored, string repository, string tag)
    {
        _ = name;
        Assert.Equal((repository, tag), LocalImage.SplitName(stored));
    }

    [Fact]
    public async Task ListingMeasuresEveryDistinctBlobOnce()
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var arm = await fixture.ImageAsync(Platform.Parse("linux/arm64"));
        var index = await fixture.IndexAsync([amd, arm]);
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/app:1", index, "linux/amd64", "linux/arm64"), CancellationToken.None);
        await images.PutAsync(Record("docker.io/library/app:amd", amd, "linux/amd64"), CancellationToken.None);

        var listed = await store.ListAsync(CancellationToken.None);

        Assert.Equal(["docker.io/library/app:1", "docker.io/library/app:amd"], listed.Select(i => i.Name));
        Assert.Equal(await SizeOfAllBlobsAsync(), listed[0].Size);
        Assert.Equal(amd.Size + await ChildrenSizeAsync(amd), listed[1].Size);
        Assert.Equal(["linux/amd64", "linux/arm64"], listed[0].Platforms.Select(p => p.ToString()));
        Assert.Equal(("app", "1"), (listed[0].Repository, listed[0].Tag));
    }

    [Fact]
    public async Task AnImageWhoseBlobsAreGoneStillLists()
    {
        var (store, images) = await OpenAsync();
        var ghost = new Descriptor(MediaType.OciManifest, Digest.Sha256("gone"u8), 4);
        await images.PutAsync(Record("r.io/ghost:1", ghost), CancellationToken.None);

        var listed = Assert.Single(await store.ListAsync(CancellationToken.None));

        Assert.Equal(0, listed.Size);
    }

    [Theory]
    [InlineData("docker.io/library/app:latest")]
    [InlineData("app")]
    [InlineData("app:latest")]
    [InlineData("library/app")]
    public async Task ShortNamesFindTheFullRecord(string name)
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/app:latest", amd), CancellationToken.None);

        var found = await store.FindAsync(name, CancellationToken.None);

        Assert.Equal("docker.io/library/app:latest", found?.Name);
    }

    [Fact]
    public async Task RemovingDropsTheNameButKeepsTheBlobs()
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/app:1", amd), CancellationToken.None);
        await images.PutAsync(Record("docker.io/library/app:2", amd), CancellationToken.None);

        var removal = await store.RemoveAsync(["app:1", "nope:1", "app:1"], force: false, CancellationToken.None);

        Assert.Equal<string>(["docker.io/library/app:1"], removal.Removed);
        Assert.Equal<string>(["nope:1", "app:1"], removal.Missing);
        Assert.Equal(["docker.io/library/app:2"], (await images.ListAsync(CancellationToken.None)).Select(i => i.Name));
        Assert.True(await fixture.Store.ExistsAsync(amd.Digest, CancellationToken.None));
        var e = Assert.Throws<KilnException>(removal.ThrowIfFailed);
        Assert.Equal(ErrorCodes.ImageNotFound, e.Code);
    }

    [Fact]
    public async Task RemovingOnlyKnownNamesDoesNotThrow()
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/app:1", amd), CancellationToken.None);

        var removal = await store.RemoveAsync(["app:1"], force: false, CancellationToken.None);

        removal.ThrowIfFailed();
        Assert.Empty(removal.Missing);
        Assert.Empty(await images.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnIdRemovesTheOnlyNameOfItsImage()
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var arm = await fixture.ImageAsync(Platform.Parse("linux/arm64"));
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/amd:1", amd), CancellationToken.None);
        await images.PutAsync(Record("docker.io/library/arm:1", arm), CancellationToken.None);

        var removal = await store.RemoveAsync([amd.Digest.Hex[..12], arm.Digest.ToString()], force: false, CancellationToken.None);

        removal.ThrowIfFailed();
        Assert.Equal<string>(["docker.io/library/amd:1", "docker.io/library/arm:1"], removal.Removed);
    }

    [Fact]
    public async Task AnIdOfSeveralNamesNeedsForce()
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/app:1", amd), CancellationToken.None);
        await images.PutAsync(Record("docker.io/library/app:2", amd), CancellationToken.None);

        var refused = await store.RemoveAsync([amd.Digest.Hex[..12]], force: false, CancellationToken.None);
        var e = Assert.Throws<KilnException>(refused.ThrowIfFailed);
        Assert.Equal(ErrorCodes.ImageIdAmbiguous, e.Code);
        Assert.Equal(2, (await images.ListAsync(CancellationToken.None)).Length);

        var forced = await store.RemoveAsync([amd.Digest.Hex[..12]], force: true, CancellationToken.None);
        forced.ThrowIfFailed();
        Assert.Equal<string>(["docker.io/library/app:1", "docker.io/library/app:2"], forced.Removed);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("ABCDEFABCDEF")]
    [InlineData("sha256:")]
    [InlineData("sha512:abcdefabcdef")]
    [InlineData("../../../../etc")]
    public async Task ThingsThatAreNotIdsMatchNothing(string id)
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        var (store, images) = await OpenAsync();
        await images.PutAsync(Record("docker.io/library/app:1", amd), CancellationToken.None);

        Assert.Empty(await store.FindByIdAsync(id, CancellationToken.None));
    }

    private static ImageRecord Record(string name, Descriptor root, params string[] platforms) =>
        new(name, root.Digest, root.MediaType, root.Size, Created) { Platforms = [.. platforms.Select(Platform.Parse)] };

    private async Task<(LocalImageStore Store, ImageTable Images)> OpenAsync()
    {
        var database = await MetadataDatabase.OpenAsync(fixture.Store.Paths, CancellationToken.None);
        var images = new ImageTable(database);
        return (new LocalImageStore(fixture.Store, images), images);
    }

    private async Task<long> SizeOfAllBlobsAsync()
    {
        long total = 0;
        await foreach (var blob in fixture.Store.WalkAsync(CancellationToken.None))
        {
            total += blob.Size;
        }

        return total;
    }

    private async Task<long> ChildrenSizeAsync(Descriptor manifest)
    {
        var m = Manifest.Parse(await fixture.Store.ReadAllBytesAsync(manifest.Digest, CancellationToken.None));
        return m.Config.Size + m.Layers.Sum(l => l.Size);
    }
}
