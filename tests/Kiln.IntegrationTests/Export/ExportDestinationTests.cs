using System.Formats.Tar;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Export.Outputs;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.IntegrationTests.Export;

/// <summary>Where outputs go: standard output, the local image store with and without names, and nowhere (cacheonly).</summary>
public sealed class ExportDestinationTests : IAsyncLifetime
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private ExportRoot root = null!;

    public async Task InitializeAsync() => root = await ExportRoot.CreateAsync();

    public async Task DisposeAsync() => await root.DisposeAsync();

    [Fact]
    public async Task DashWritesTheFilesystemTarToStandardOutput()
    {
        var layer = await root.LayerAsync(null, "stdout", ("etc/motd", "hi"));
        using var stdout = new MemoryStream();

        await ExportAsync(layer, "-", () => stdout);

        stdout.Position = 0;
        await using var reader = new TarReader(stdout);
        var names = new List<string>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        Assert.Equal(["etc/", "etc/motd"], names);
    }

    [Fact]
    public async Task OciTarToStandardOutputNeedsOne()
    {
        var layer = await root.LayerAsync(null, "no-stdout", ("a", "a"));

        var error = await Assert.ThrowsAsync<KilnException>(() => ExportAsync(layer, "type=oci,dest=-", null));

        Assert.Equal(ErrorCodes.ExportDestinationRequired, error.Code);
    }

    [Fact]
    public async Task UnnamedImagesAreStoredOnlyUnderADanglingPrefix()
    {
        var layer = await root.LayerAsync(null, "dangling", ("a", "a"));
        var images = new ImageTable(root.Snapshotter.Database);

        var unnamed = await ExportAsync(layer, "type=image", null);
        Assert.Empty(await images.ListAsync(CancellationToken.None));

        var dangling = await ExportAsync(layer, "type=image,dangling-name-prefix=kiln-dangling", null);
        var stored = Assert.Single(await images.ListAsync(CancellationToken.None));
        Assert.Equal($"kiln-dangling@{dangling.Root!.Digest}", stored.Name);
        Assert.Equal(unnamed.Root, dangling.Root);
        Assert.Equal([Amd64], stored.Platforms.ToArray());
    }

    [Fact]
    public async Task StoreFalseKeepsTheImageOutOfTheStore()
    {
        var layer = await root.LayerAsync(null, "nostore", ("a", "a"));

        var result = await ExportAsync(layer, "type=image,name=kiln-test/nostore,store=false", null);

        Assert.NotNull(result.Root);
        Assert.Empty(await new ImageTable(root.Snapshotter.Database).ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CacheOnlyWritesNothing()
    {
        var result = await root.Pipeline.ExportAsync(
            new ExportRequest([], [OutputSpecParser.Parse("type=cacheonly")]), NullProgressSink.Instance, CancellationToken.None);

        Assert.Null(result.Root);
        Assert.Empty(result.Metadata());
    }

    private Task<ExportResult> ExportAsync(string layer, string output, Func<Stream>? stdout) =>
        root.Pipeline.ExportAsync(
            new ExportRequest([ExportRoot.Input(Amd64, layer, null, "COPY . /")], [OutputSpecParser.Parse(output)]) { OpenStandardOutput = stdout },
            NullProgressSink.Instance,
            CancellationToken.None);
}
