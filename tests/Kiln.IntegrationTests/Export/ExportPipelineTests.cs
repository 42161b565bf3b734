using System.Collections.Immutable;
using System.Formats.Tar;
using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.IntegrationTests.Export;

/// <summary>Build results (busybox pulled by the image source runner plus layers made by hand) exported through every output type.</summary>
public sealed class ExportPipelineTests : IAsyncLifetime
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");
    private static readonly ImageValidationOptions Deep = new() { VerifyDiffIds = true };
    private ExportRoot root = null!;

    public async Task InitializeAsync() => root = await ExportRoot.CreateAsync();

    public async Task DisposeAsync() => await root.DisposeAsync();

    [Fact]
    public async Task OciArchiveReusesTheBaseBlobAndIsAcceptedBySkopeo()
    {
        var (input, manifest) = await BusyboxWithFileAsync(Amd64);
        var archive = root.PathFor("out.tar");

        var result = await ExportAsync([input], $"type=oci,dest={archive}", tags: ["kiln-test/app:1"]);

        var image = Assert.Single(result.Image!.Platforms);
        Assert.Empty(await ImageValidator.ValidateAsync(root.Store, result.Root!, Deep, CancellationToken.None));
        var exported = Manifest.Parse(await root.Store.ReadAllBytesAsync(image.Manifest.Digest, CancellationToken.None));
        Assert.Equal(manifest.Layers.Length + 1, exported.Layers.Length);
        Assert.Equal(manifest.Layers.Select(l => l.Digest), exported.Layers.Take(manifest.Layers.Length).Select(l => l.Digest));
        var config = ImageConfig.Parse(await root.Store.ReadAllBytesAsync(image.Config.Digest, CancellationToken.None));
        Assert.Equal(exported.Layers.Length, config.History.Count(h => !h.EmptyLayer));
        using var inspect = JsonDocument.Parse(await ExternalTool.OutputOfAsync("skopeo", "inspect", $"oci-archive:{archive}"));
        Assert.Equal(image.Manifest.Digest.ToString(), inspect.RootElement.GetProperty("Digest").GetString());
        Assert.Equal(exported.Layers.Length, inspect.RootElement.GetProperty("Layers").GetArrayLength());
    }

    [Fact]
    public async Task OciLayoutDirectoryUnpacksWithUmoci()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);
        var layout = root.PathFor("layout");

        await ExportAsync([input], $"type=oci,dest={layout},tar=false", tags: ["kiln-test/app:edge"]);

        var bundle = root.PathFor("bundle");
        await ExternalTool.OutputOfAsync("umoci", "unpack", "--image", $"{layout}:edge", bundle);
        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(bundle, "rootfs", "app", "hello.txt")));
        Assert.True(File.Exists(Path.Combine(bundle, "rootfs", "bin", "busybox")), "umoci unpacked no bin/busybox");
        var entry = ImageIndex.Parse(await File.ReadAllBytesAsync(Path.Combine(layout, "index.json"))).Manifests.Single();
        Assert.Equal("docker.io/kiln-test/app:edge", entry.Annotations["io.containerd.image.name"]);
        Assert.True(OciTimestamp.TryParse(entry.Annotations[AnnotationKeys.ImageCreated], out _));
    }

    [Fact]
    public async Task UnnamedLayoutIsTaggedLatestAndDatedByTheEpoch()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);
        var layout = root.PathFor("unnamed");
        var outputs = OutputSpecParser.Parse([$"type=oci,dest={layout},tar=false"]).Outputs;

        await root.Pipeline.ExportAsync(new ExportRequest([input], outputs) { SourceDateEpoch = 86_400 }, NullProgressSink.Instance, CancellationToken.None);

        var entry = ImageIndex.Parse(await File.ReadAllBytesAsync(Path.Combine(layout, "index.json"))).Manifests.Single();
        Assert.Equal("latest", entry.Annotations[AnnotationKeys.ImageRefName]);
        Assert.Equal("1970-01-02T00:00:00Z", entry.Annotations[AnnotationKeys.ImageCreated]);
    }

    public static TheoryData<string, string, string> Variants => new()
    {
        { "compression=zstd", MediaType.OciLayerZstd, MediaType.OciManifest },
        { "compression=uncompressed", MediaType.OciLayer, MediaType.OciManifest },
        { "compression=gzip,compression-level=9", MediaType.OciLayerGzip, MediaType.OciManifest },
        { "oci-mediatypes=false", MediaType.DockerLayerGzip, MediaType.DockerManifest },
        { "compression=uncompressed,oci-mediatypes=false", MediaType.DockerLayer, MediaType.DockerManifest },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task CompressionAndMediaTypeVariantsAreValid(string options, string newLayerType, string manifestType)
    {
        var (input, manifest) = await BusyboxWithFileAsync(Amd64);
        var archive = root.PathFor("variant.tar");

        var result = await ExportAsync([input], $"type=oci,dest={archive},{options}");

        Assert.Empty(await ImageValidator.ValidateAsync(root.Store, result.Root!, Deep, CancellationToken.None));
        var exported = Manifest.Parse(await root.Store.ReadAllBytesAsync(result.Root!.Digest, CancellationToken.None));
        Assert.Equal(manifestType, exported.MediaType);
        Assert.Equal(newLayerType, exported.Layers[^1].MediaType);
        Assert.Equal(manifest.Layers[0].Digest, exported.Layers[0].Digest); // the base blob is kept, only relabelled
        Assert.Equal(MediaType.IsDocker(manifestType), MediaType.IsDocker(exported.Layers[0].MediaType));
        using var inspect = JsonDocument.Parse(await ExternalTool.OutputOfAsync("skopeo", "inspect", $"oci-archive:{archive}"));
        Assert.Equal(result.Root.Digest.ToString(), inspect.RootElement.GetProperty("Digest").GetString());
    }

    [Fact]
    public async Task ForceCompressionRecompressesTheBaseLayers()
    {
        var (input, manifest) = await BusyboxWithFileAsync(Amd64);

        var result = await ExportAsync([input], $"type=oci,dest={root.PathFor("z.tar")},compression=zstd,force-compression=true");

        var exported = Manifest.Parse(await root.Store.ReadAllBytesAsync(result.Root!.Digest, CancellationToken.None));
        Assert.All(exported.Layers, l => Assert.Equal(MediaType.OciLayerZstd, l.MediaType));
        Assert.NotEqual(manifest.Layers[0].Digest, exported.Layers[0].Digest);
        Assert.Empty(await ImageValidator.ValidateAsync(root.Store, result.Root, Deep, CancellationToken.None));
    }

    [Fact]
    public async Task DockerArchiveLoadsIntoDocker()
    {
        var (input, manifest) = await BusyboxWithFileAsync(Amd64);
        var tag = $"kiln-export-test/app:{Guid.NewGuid():N}";
        var archive = root.PathFor("docker.tar");

        await ExportAsync([input], $"type=docker,dest={archive}", tags: [tag]);

        try
        {
            var load = await ExternalTool.OutputOfAsync("docker", "load", "-i", archive);
            var layers = await ExternalTool.OutputOfAsync("docker", "image", "inspect", "--format", "{{len .RootFS.Layers}}", tag);
            Assert.Contains(tag, load, StringComparison.Ordinal);
            Assert.Equal((manifest.Layers.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), layers.Trim());
        }
        finally
        {
            await ExternalTool.RunAsync("docker", "image", "rm", "--force", tag);
        }
    }

    [Fact]
    public async Task MultiPlatformDockerOutputFailsAsBuildxExplains()
    {
        var inputs = await MultiPlatformAsync();

        var error = await Assert.ThrowsAsync<KilnException>(() => ExportAsync(inputs, $"type=docker,dest={root.PathFor("d.tar")}"));

        Assert.Equal(ErrorCodes.DockerExportManifestList, error.Code);
        Assert.False(File.Exists(root.PathFor("d.tar")));
    }

    [Fact]
    public async Task MultiPlatformIndexCarriesPlatformsAndNoConfigDigestInMetadata()
    {
        var inputs = await MultiPlatformAsync();

        var result = await ExportAsync(inputs, $"type=oci,dest={root.PathFor("multi.tar")},annotation-index.org.example.kind=multi");

        Assert.Equal(MediaType.OciIndex, result.Root!.MediaType);
        var index = ImageIndex.Parse(await root.Store.ReadAllBytesAsync(result.Root.Digest, CancellationToken.None));
        Assert.Equal(["linux/amd64", "linux/arm64"], index.Manifests.Select(m => m.Platform!.ToString()));
        Assert.Equal("multi", index.Annotations["org.example.kind"]);
        Assert.Empty(await ImageValidator.ValidateAsync(root.Store, result.Root, Deep, CancellationToken.None));
        var metadata = result.Metadata();
        Assert.False(metadata.ContainsKey(ExportResult.ConfigDigestKey));
        Assert.Equal(result.Root.Digest.ToString(), (string?)metadata[ExportResult.ImageDigestKey]);
        Assert.Equal(result.Root.Size, (long)metadata[ExportResult.ImageDescriptorKey]!["size"]!);
    }

    [Fact]
    public async Task LocalAndTarOutputsSplitPlatformsIntoDirectories()
    {
        var inputs = await MultiPlatformAsync();
        var local = root.PathFor("local");
        var tar = root.PathFor("fs.tar");

        await ExportAsync(inputs, $"type=local,dest={local}", $"type=tar,dest={tar}");

        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(local, "linux_amd64", "app", "hello.txt")));
        Assert.True(File.Exists(Path.Combine(local, "linux_arm64", "bin", "busybox")));
        var names = await TarNamesAsync(tar);
        Assert.Contains("linux_amd64/app/hello.txt", names);
        Assert.Contains("linux_arm64/bin/busybox", names);
    }

    [Fact]
    public async Task SinglePlatformLocalOutputIsTheFilesystemItself()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);
        var local = root.PathFor("single");

        await ExportAsync([input], $"type=local,dest={local}");

        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(local, "app", "hello.txt")));
        Assert.Equal("busybox", new FileInfo(Path.Combine(local, "bin", "sh")).LinkTarget);
    }

    [Fact]
    public async Task ImageOutputStoresTheImageAndHandsPushOn()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);
        var publisher = new RecordingPublisher();

        var result = await root.Pipeline.ExportAsync(
            new ExportRequest([input], [OutputSpecParser.Parse("type=image,name=kiln-test/app:1,push=true,push-by-digest=true")]) { Publisher = publisher },
            NullProgressSink.Instance,
            CancellationToken.None);

        var stored = await new Kiln.Content.Metadata.ImageTable(root.Snapshotter.Database).GetAsync("docker.io/kiln-test/app:1", CancellationToken.None);
        Assert.Equal(result.Root!.Digest, stored!.Digest);
        var (pushed, output, names) = Assert.Single(publisher.Pushes);
        Assert.Equal(result.Root, pushed.Root);
        Assert.True(output.PushByDigest);
        Assert.Equal(["docker.io/kiln-test/app:1"], names.ToArray());
        var metadata = result.Metadata();
        Assert.Equal("docker.io/kiln-test/app:1", (string?)metadata[ExportResult.ImageNameKey]);
        Assert.Equal(result.Image!.Platforms[0].Config.Digest.ToString(), (string?)metadata[ExportResult.ConfigDigestKey]);
        Assert.Equal(MediaType.DockerManifest, (string?)metadata[ExportResult.ImageDescriptorKey]!["mediaType"]);
        Assert.Equal("amd64", (string?)metadata[ExportResult.ImageDescriptorKey]!["platform"]!["architecture"]);
    }

    [Fact]
    public async Task PushWithoutPublisherOrNameFails()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);

        var noPublisher = await Assert.ThrowsAsync<KilnException>(() => ExportAsync([input], "type=image,name=kiln-test/x,push=true"));
        var noName = await Assert.ThrowsAsync<KilnException>(() => ExportAsync([input], "type=registry"));

        Assert.Equal(ErrorCodes.ExportOutputInvalid, noPublisher.Code);
        Assert.Equal(ErrorCodes.ExportNameRequired, noName.Code);
    }

    [Fact]
    public async Task ScratchAndEmptyDiffLayersFollowBuildKit()
    {
        var empty = await root.LayerAsync(null, "nothing");

        var scratch = await ExportAsync([ExportRoot.Input(Amd64, null, null)], $"type=oci,dest={root.PathFor("s.tar")}");
        var nothing = await ExportAsync([ExportRoot.Input(Amd64, empty, null, "RUN true")], $"type=oci,dest={root.PathFor("e.tar")}");

        var scratchConfig = await ConfigOfAsync(scratch.Root!);
        Assert.Empty(scratchConfig.RootFS.DiffIds);
        var nothingConfig = await ConfigOfAsync(nothing.Root!);
        Assert.Equal([Digest.Sha256(new byte[1024])], nothingConfig.RootFS.DiffIds.ToArray()); // an empty tar is still a layer
        Assert.False(Assert.Single(nothingConfig.History).EmptyLayer);
        Assert.Empty(await ImageValidator.ValidateAsync(root.Store, nothing.Root!, Deep, CancellationToken.None));
    }

    [Fact]
    public async Task AnnotationForAPlatformNotBuiltFails()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);

        var error = await Assert.ThrowsAsync<KilnException>(() => ExportAsync([input], $"type=oci,dest={root.PathFor("a.tar")},annotation-manifest[linux/s390x].k=v"));

        Assert.Equal(ErrorCodes.ExportAnnotationInvalid, error.Code);
    }

    [Fact]
    public async Task ProgressNamesEachOutputAndItsSteps()
    {
        var (input, _) = await BusyboxWithFileAsync(Amd64);
        var sink = new ListSink();
        var outputs = OutputSpecParser.Parse([$"type=oci,dest={root.PathFor("p.tar")}", "type=cacheonly"]).Outputs;

        await root.Pipeline.ExportAsync(new ExportRequest([input], outputs), sink, CancellationToken.None);

        Assert.Equal(["exporting to oci image format", "exporting cache"], sink.Events.OfType<VertexStarted>().Select(e => e.Name));
        Assert.Equal(2, sink.Events.OfType<VertexCompleted>().Count());
        var completed = sink.Events.OfType<VertexStatus>().Where(s => s.Completed).Select(s => s.Name).ToList();
        Assert.Contains("exporting layers", completed);
        Assert.Contains(completed, n => n.StartsWith("exporting manifest sha256:", StringComparison.Ordinal));
        Assert.Contains(completed, n => n.StartsWith("exporting config sha256:", StringComparison.Ordinal));
    }

    private async Task<(ImageInput Input, Manifest Manifest)> BusyboxWithFileAsync(Platform platform)
    {
        var (top, manifest, config) = await root.PullBusyboxAsync(platform);
        var layer = await root.LayerAsync(top, "hello-" + platform, ("app/hello.txt", "hello"));
        return (ExportRoot.Input(platform, layer, config, "COPY hello.txt /app/"), manifest);
    }

    private async Task<ImmutableArray<ImageInput>> MultiPlatformAsync() =>
        [(await BusyboxWithFileAsync(Amd64)).Input, (await BusyboxWithFileAsync(Arm64)).Input];

    private Task<ExportResult> ExportAsync(IEnumerable<ImageInput> inputs, params string[] outputs) => ExportAsync(inputs, outputs[0], [], outputs[1..]);

    private Task<ExportResult> ExportAsync(IEnumerable<ImageInput> inputs, string output, ImmutableArray<string> tags, params string[] more)
    {
        var specs = OutputSpecParser.Parse([output, .. more]);
        Assert.Empty(specs.Diagnostics);
        return root.Pipeline.ExportAsync(new ExportRequest([.. inputs], specs.Outputs) { Tags = tags }, NullProgressSink.Instance, CancellationToken.None);
    }

    private async Task<ImageConfig> ConfigOfAsync(Descriptor manifest)
    {
        var parsed = Manifest.Parse(await root.Store.ReadAllBytesAsync(manifest.Digest, CancellationToken.None));
        return ImageConfig.Parse(await root.Store.ReadAllBytesAsync(parsed.Config.Digest, CancellationToken.None));
    }

    private static async Task<List<string>> TarNamesAsync(string path)
    {
        var names = new List<string>();
        await using var file = File.OpenRead(path);
        await using var reader = new TarReader(file);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private sealed class ListSink : IProgressSink
    {
        public List<ProgressEvent> Events { get; } = [];

        public void Emit(ProgressEvent progressEvent)
        {
            lock (Events)
            {
                Events.Add(progressEvent);
            }
        }
    }

    private sealed class RecordingPublisher : IImagePublisher
    {
        public List<(AssembledImage Image, OutputSpec Output, ImmutableArray<string> Names)> Pushes { get; } = [];

        public Task<ImmutableArray<string>> PushAsync(AssembledImage image, OutputSpec output, ImmutableArray<string> names, CancellationToken cancellationToken)
        {
            Pushes.Add((image, output, names));
            return Task.FromResult(names);
        }

        public Task LoadAsync(AssembledImage image, OutputSpec output, ImmutableArray<string> names, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no load expected");
    }
}
