using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Oci;

namespace Kiln.Tests.Export;

public sealed class ImageValidatorTests : IDisposable
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");
    private static readonly Platform ArmV7 = new("linux", "arm", "v7");
    private static readonly ImageValidationOptions Deep = new() { VerifyDiffIds = true };
    private readonly ExportFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    public static TheoryData<string, string, bool> Layers() => new()
    {
        { "oci uncompressed", nameof(LayerCompression.None), false },
        { "oci gzip", nameof(LayerCompression.Gzip), false },
        { "oci zstd", nameof(LayerCompression.Zstd), false },
        { "docker uncompressed", nameof(LayerCompression.None), true },
        { "docker gzip", nameof(LayerCompression.Gzip), true },
        { "docker zstd", nameof(LayerCompression.Zstd), true },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task ValidImageOfEveryLayerKindPassesDeepValidation(string name, string compressionName, bool docker)
    {
        var compression = Enum.Parse<LayerCompression>(compressionName);
        var image = await fixture.ImageAsync(Amd64, [compression, compression], docker);
        var index = await fixture.IndexAsync([image], docker);

        Assert.True((await ValidateAsync(index, Deep)).IsEmpty, name);
    }

    [Fact]
    public async Task MultiPlatformIndexIsValid()
    {
        var index = await fixture.IndexAsync([
            await fixture.ImageAsync(Amd64, [LayerCompression.Gzip, LayerCompression.None]),
            await fixture.ImageAsync(Arm64, [LayerCompression.Zstd]),
            await fixture.ImageAsync(ArmV7, []),
        ]);

        Assert.Empty(await ValidateAsync(index, Deep));
    }

    [Fact]
    public async Task MissingLayerIsReportedWithTheOtherErrors()
    {
        var image = await fixture.ImageAsync(Amd64, [LayerCompression.Gzip, LayerCompression.Gzip], editConfig: c => c with { RootFS = new RootFS([]) });
        var manifest = await ManifestOfAsync(image);
        fixture.Delete(manifest.Layers[1].Digest);

        var codes = Codes(await ValidateAsync(await fixture.IndexAsync([image]), Deep));

        Assert.Equal([ErrorCodes.ExportBlobMissing.Number, ErrorCodes.ExportDiffIdCountMismatch.Number], codes);
    }

    [Fact]
    public async Task MissingRootIsReported()
    {
        var ghost = Descriptor.ForBytes(MediaType.OciIndex, "{}"u8);

        Assert.Equal([ErrorCodes.ExportBlobMissing.Number], Codes(await ValidateAsync(ghost, Deep)));
    }

    [Fact]
    public async Task WrongLayerSizeIsReported()
    {
        var image = await fixture.ImageAsync(Amd64, editManifest: m => m with { Layers = m.Layers.SetItem(0, m.Layers[0] with { Size = m.Layers[0].Size + 1 }) });

        Assert.Equal([ErrorCodes.ExportBlobSizeMismatch.Number], Codes(await ValidateAsync(image, Deep)));
    }

    [Fact]
    public async Task CorruptConfigIsReported()
    {
        var image = await fixture.ImageAsync(Amd64);
        fixture.Corrupt((await ManifestOfAsync(image)).Config.Digest);

        Assert.Equal([ErrorCodes.ExportBlobDigestMismatch.Number], Codes(await ValidateAsync(image, Deep)));
    }

    [Fact]
    public async Task DiffIdMismatchIsFoundOnlyWhenAsked()
    {
        var wrong = Digest.Sha256("not this layer"u8);
        var image = await fixture.ImageAsync(Amd64, [LayerCompression.Zstd], editConfig: c => c with { RootFS = new RootFS([wrong]) });

        Assert.Empty(await ValidateAsync(image, ImageValidationOptions.Default));
        var found = Assert.Single(await ValidateAsync(image, Deep));
        Assert.Equal(ErrorCodes.ExportDiffIdMismatch, found.Code);
        Assert.Contains("layers[0]", found.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LayerDeclaredGzipButStoredPlainIsADiffIdError()
    {
        var tar = ExportFixture.LayerTar("plain");
        var layer = await fixture.AddAsync(MediaType.OciLayerGzip, tar);
        var config = await fixture.AddAsync(MediaType.OciConfig, (ImageConfig.For(Amd64) with { RootFS = new RootFS([Digest.Sha256(tar)]) }).ToBytes());
        var manifest = await fixture.AddAsync(MediaType.OciManifest, new Manifest(MediaType.OciManifest, config, [layer]).ToBytes());

        Assert.Equal([ErrorCodes.ExportDiffIdMismatch.Number], Codes(await ValidateAsync(manifest, Deep)));
    }

    [Fact]
    public async Task DockerManifestWithOciLayerIsAMediaTypeError()
    {
        var image = await fixture.ImageAsync(Amd64, docker: true, editManifest: m => m with { Layers = [m.Layers[0] with { MediaType = MediaType.OciLayerGzip }] });

        Assert.Equal([ErrorCodes.ExportMediaTypeMismatch.Number], Codes(await ValidateAsync(image, Deep)));
    }

    [Fact]
    public async Task OciManifestWithDockerConfigIsAMediaTypeError()
    {
        var image = await fixture.ImageAsync(Amd64, editManifest: m => m with { Config = m.Config with { MediaType = MediaType.DockerConfig } });

        Assert.Equal([ErrorCodes.ExportMediaTypeMismatch.Number], Codes(await ValidateAsync(image, Deep)));
    }

    [Fact]
    public async Task ConfigThatIsNotAnImageConfigIsAMediaTypeError()
    {
        var image = await fixture.ImageAsync(Amd64, editManifest: m => m with { Config = m.Config with { MediaType = MediaType.OciLayer } });

        Assert.Contains(ErrorCodes.ExportMediaTypeMismatch.Number, Codes(await ValidateAsync(image, Deep)));
    }

    [Fact]
    public async Task DockerListOfOciManifestsIsAMediaTypeError()
    {
        var index = await fixture.IndexAsync([await fixture.ImageAsync(Amd64)], docker: true);

        Assert.Equal([ErrorCodes.ExportMediaTypeMismatch.Number], Codes(await ValidateAsync(index, Deep)));
    }

    [Fact]
    public async Task DescriptorMediaTypeDisagreeingWithTheDocumentIsReported()
    {
        var image = await fixture.ImageAsync(Amd64);

        var codes = Codes(await ValidateAsync(image with { MediaType = MediaType.DockerManifest }, Deep));

        Assert.Equal([ErrorCodes.ExportMediaTypeMismatch.Number], codes);
    }

    [Fact]
    public async Task LayerAsRootIsReported()
    {
        var layer = await fixture.AddAsync(MediaType.OciLayer, ExportFixture.LayerTar("x"));

        Assert.Equal([ErrorCodes.ExportMediaTypeMismatch.Number], Codes(await ValidateAsync(layer, Deep)));
    }

    [Fact]
    public async Task IndexPlatformDisagreeingWithTheConfigIsReported()
    {
        var index = await fixture.IndexAsync([
            await fixture.ImageAsync(Amd64),
            await fixture.ImageAsync(ArmV7, configPlatform: new Platform("linux", "arm", "v6")),
        ]);

        var found = Assert.Single(await ValidateAsync(index, Deep));
        Assert.Equal(ErrorCodes.ExportPlatformMismatch, found.Code);
        Assert.False(found.IsError); // BuildKit writes this for FROM --platform=OTHER in the final stage
        Assert.Contains("manifests[1]", found.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttestationManifestWithInTotoLayersIsValid()
    {
        var image = await fixture.ImageAsync(Amd64);
        var index = await fixture.IndexAsync([image, await AttestationAsync(image, annotated: true)]);

        Assert.Empty(await ValidateAsync(index, Deep));
    }

    [Fact]
    public async Task InTotoLayerOutsideAnAttestationManifestIsAMediaTypeError()
    {
        var image = await fixture.ImageAsync(Amd64);
        var index = await fixture.IndexAsync([image, await AttestationAsync(image, annotated: false)]);

        Assert.Equal([ErrorCodes.ExportMediaTypeMismatch.Number], Codes(await ValidateAsync(index, Deep)));
    }

    [Fact]
    public async Task GarbageManifestIsAnInvalidDocument()
    {
        var garbage = await fixture.AddAsync(MediaType.OciManifest, "{\"schemaVersion\":2,\"layers\":\"x\"}"u8.ToArray());

        Assert.Equal([ErrorCodes.ExportInvalidDocument.Number], Codes(await ValidateAsync(garbage, Deep)));
    }

    [Fact]
    public async Task EnsureValidThrowsWithEveryError()
    {
        var image = await fixture.ImageAsync(Amd64, [LayerCompression.Gzip, LayerCompression.Gzip]);
        var manifest = await ManifestOfAsync(image);
        fixture.Delete(manifest.Layers[0].Digest);
        fixture.Corrupt(manifest.Layers[1].Digest);

        var e = await Assert.ThrowsAsync<KilnException>(() => ImageValidator.EnsureValidAsync(fixture.Store, image, Deep, CancellationToken.None));

        Assert.Equal([ErrorCodes.ExportBlobMissing.Number, ErrorCodes.ExportBlobDigestMismatch.Number], Codes(e.Diagnostics));
    }

    private async Task<Descriptor> AttestationAsync(Descriptor image, bool annotated)
    {
        var statement = "{\"_type\":\"https://in-toto.io/Statement/v0.1\"}"u8.ToArray();
        var layer = await fixture.AddAsync(MediaType.InToto, statement);
        var unknown = new Platform("unknown", "unknown");
        var config = await fixture.AddAsync(MediaType.OciConfig, (ImageConfig.For(unknown) with { RootFS = new RootFS([layer.Digest]) }).ToBytes());
        var manifest = await fixture.AddAsync(MediaType.OciManifest, new Manifest(MediaType.OciManifest, config, [layer]).ToBytes());
        var annotations = annotated
            ? System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
                KeyValuePair.Create(AnnotationKeys.DockerReferenceType, AnnotationKeys.AttestationManifest),
                KeyValuePair.Create(AnnotationKeys.DockerReferenceDigest, image.Digest.ToString())])
            : manifest.Annotations;
        return manifest with { Platform = unknown, Annotations = annotations };
    }

    private static int[] Codes(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(d => d.Code.Number)];

    private Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> ValidateAsync(Descriptor root, ImageValidationOptions options) =>
        ImageValidator.ValidateAsync(fixture.Store, root, options, CancellationToken.None);

    private async Task<Manifest> ManifestOfAsync(Descriptor image) =>
        Manifest.Parse(await fixture.Store.ReadAllBytesAsync(image.Digest, CancellationToken.None));
}
