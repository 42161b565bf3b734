using Kiln.Diagnostics;
using Kiln.Export.Push;
using Kiln.Oci;

namespace Kiln.Tests.Export.Push;

public sealed class PushPlanTests : IDisposable
{
    private readonly ExportFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task ChildrenComeBeforeTheirIndexAndBlobsAreListedOnce()
    {
        var amd = await fixture.ImageAsync(Platform.Parse("linux/amd64"), [LayerCompression.Gzip, LayerCompression.Zstd]);
        var arm = await fixture.ImageAsync(Platform.Parse("linux/arm64"));
        var index = await fixture.IndexAsync([amd, arm, amd with { Annotations = amd.Annotations.Add("again", "1") }]);

        var plan = await PushPlan.CreateAsync(fixture.Store, index, CancellationToken.None);

        Assert.Equal([amd.Digest, arm.Digest, index.Digest], plan.Documents.Select(d => d.Descriptor.Digest));
        Assert.Equal(index.Digest, plan.Root.Descriptor.Digest);
        Assert.True(plan.Root.Descriptor.Digest.Matches(plan.Root.Bytes));
        Assert.Equal(5, plan.Blobs.Length);
        Assert.Equal(plan.Blobs.Length, plan.Blobs.Select(b => b.Digest).Distinct().Count());
        Assert.All(plan.Blobs, b => Assert.NotEqual(MediaTypeKind.Manifest, MediaType.KindOf(b.MediaType)));
    }

    [Fact]
    public async Task ForeignLayersAreNotPushed()
    {
        var foreign = new Descriptor(MediaType.DockerLayerForeignGzip, Digest.Sha256("elsewhere"u8), 9) { Urls = ["https://example.com/layer"] };
        var image = await fixture.ImageAsync(Platform.Parse("linux/amd64"), editManifest: m => m with { Layers = m.Layers.Add(foreign) });

        var plan = await PushPlan.CreateAsync(fixture.Store, image, CancellationToken.None);

        Assert.DoesNotContain(plan.Blobs, b => b.Digest == foreign.Digest);
        Assert.Equal(2, plan.Blobs.Length);
    }

    [Fact]
    public async Task AMissingLayerFailsBeforeAnythingIsSent()
    {
        var missing = new Descriptor(MediaType.OciLayerGzip, Digest.Sha256("not stored"u8), 10);
        var image = await fixture.ImageAsync(Platform.Parse("linux/amd64"), editManifest: m => m with { Layers = m.Layers.Add(missing) });

        var e = await Assert.ThrowsAsync<KilnException>(() => PushPlan.CreateAsync(fixture.Store, image, CancellationToken.None));
        Assert.Equal(ErrorCodes.ExportBlobMissing, e.Code);
    }

    [Fact]
    public async Task AMissingChildManifestFailsWithTheSameCode()
    {
        var ghost = new Descriptor(MediaType.OciManifest, Digest.Sha256("ghost"u8), 5) { Platform = Platform.Parse("linux/amd64") };
        var index = await fixture.IndexAsync([ghost]);

        var e = await Assert.ThrowsAsync<KilnException>(() => PushPlan.CreateAsync(fixture.Store, index, CancellationToken.None));
        Assert.Equal(ErrorCodes.ExportBlobMissing, e.Code);
    }

    [Fact]
    public async Task ASizeThatDisagreesWithTheStoreFails()
    {
        var image = await fixture.ImageAsync(Platform.Parse("linux/amd64"));

        var e = await Assert.ThrowsAsync<KilnException>(() => PushPlan.CreateAsync(fixture.Store, image with { Size = image.Size + 1 }, CancellationToken.None));
        Assert.Equal(ErrorCodes.ExportBlobSizeMismatch, e.Code);
    }

    [Fact]
    public async Task ACorruptedManifestFailsItsDigestCheck()
    {
        var image = await fixture.ImageAsync(Platform.Parse("linux/amd64"));
        fixture.Corrupt(image.Digest);

        var e = await Assert.ThrowsAsync<KilnException>(() => PushPlan.CreateAsync(fixture.Store, image, CancellationToken.None));
        Assert.Equal(ErrorCodes.ExportBlobDigestMismatch, e.Code);
    }
}
