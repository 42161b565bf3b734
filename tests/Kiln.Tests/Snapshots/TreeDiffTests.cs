using System.Formats.Tar;
using Kiln.Content;
using Kiln.Oci;
using Kiln.Snapshots.Layers;
using Kiln.Tests.Content;

namespace Kiln.Tests.Snapshots;

/// <summary>Diffs of two trees (the copy snapshotter's): entries, whiteouts, hard links, clamping, and apply round trips.</summary>
public sealed class TreeDiffTests : IAsyncLifetime
{
    private readonly TempRoot store = new();
    private readonly string lower;
    private readonly string upper;

    public TreeDiffTests()
    {
        lower = Path.Combine(store.Directory, "lower");
        upper = Path.Combine(store.Directory, "upper");
    }

    public async Task InitializeAsync()
    {
        var baseTar = new TarBuilder()
            .File("keep", "same").File("gone", "bye").File("change", "old").File("d/deep/f", "x").File("o/a", "1").File("o/b", "2").Build();
        await File.WriteAllBytesAsync(BaseTarPath, baseTar);
        await ApplyAsync(lower, baseTar);
        await ApplyAsync(upper, baseTar);
        File.Delete(Path.Combine(upper, "gone"));
        File.WriteAllText(Path.Combine(upper, "change"), "new!");
        File.WriteAllText(Path.Combine(upper, "d/deep/added"), "a");
        Directory.Delete(Path.Combine(upper, "o"), recursive: true);
        Directory.CreateDirectory(Path.Combine(upper, "n/m"));
        File.WriteAllText(Path.Combine(upper, "n/m/first"), "linked");
        File.CreateSymbolicLink(Path.Combine(upper, "n/link"), "../keep");
        Kiln.Snapshots.Unix.FileOps.HardLink(Path.Combine(upper, "n/m/first"), Path.Combine(upper, "n/second"));
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    private string BaseTarPath => Path.Combine(store.Directory, "base.tar");

    [Fact]
    public async Task ListsChangesInTreeOrderWithParentsAndWhiteouts()
    {
        var entries = await ReadEntriesAsync(await DiffAsync(LayerDiffOptions.Default with { Compression = LayerCompression.None }));

        Assert.Equal(
            ["change", "d/", "d/deep/", "d/deep/added", ".wh.gone", "n/", "n/link", "n/m/", "n/m/first", "n/second", ".wh.o"],
            entries.Select(e => e.Name));
        var second = entries.Single(e => e.Name == "n/second");
        Assert.Equal(TarEntryType.HardLink, second.EntryType);
        Assert.Equal("n/m/first", second.LinkName);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public async Task TheSameChangeGivesTheSameLayerAndAppliesBack(string compressionName)
    {
        var compression = Enum.Parse<LayerCompression>(compressionName, ignoreCase: true);
        var options = LayerDiffOptions.Default with { Compression = compression };
        var first = await DiffAsync(options);
        var second = await DiffAsync(options);

        Assert.Equal(first.Layer, second.Layer);
        Assert.Equal(first.DiffId, second.DiffId);
        Assert.Equal(MediaType.ForLayer(compression, false), first.Layer.MediaType);
        var contentStore = new ContentStore(store.Paths);
        var rebuilt = Path.Combine(store.Directory, "rebuilt");
        await ApplyAsync(rebuilt, await File.ReadAllBytesAsync(BaseTarPath));
        var applied = await LayerApplier.ApplyAsync(contentStore.OpenRead(first.Layer.Digest), first.Layer.MediaType, first.Layer.Digest, rebuilt, WhiteoutMode.Direct, [], CancellationToken.None);

        Assert.Equal(first.DiffId, applied.DiffId);
        Assert.Equal(TreeListing.Of(upper, withTimes: true), TreeListing.Of(rebuilt, withTimes: true));
    }

    [Fact]
    public async Task ClampingRewritesLaterMtimes()
    {
        var result = await DiffAsync(LayerDiffOptions.Default with { Compression = LayerCompression.None, ClampMtime = 1_000 });

        var entries = await ReadEntriesAsync(result);
        Assert.All(entries.Where(e => !e.Name.Contains(".wh.", StringComparison.Ordinal)), e => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_000), e.ModificationTime));
    }

    private async Task<LayerDiffResult> DiffAsync(LayerDiffOptions options)
    {
        var contentStore = new ContentStore(store.Paths);
        return await LayerDiffer.WriteAsync(contentStore, TreeChanges.Compare(lower, upper), options, CancellationToken.None);
    }

    private async Task<List<TarEntry>> ReadEntriesAsync(LayerDiffResult result)
    {
        var contentStore = new ContentStore(store.Paths);
        var stream = contentStore.OpenRead(result.Layer.Digest);
        await using (stream)
        {
            var tar = await LayerDecompression.OpenAsync(stream, result.Layer.MediaType, result.Layer.Digest, CancellationToken.None);
            var reader = new TarReader(tar);
            var entries = new List<TarEntry>();
            while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
            {
                entries.Add(entry);
            }

            return entries;
        }
    }

    private static Task<LayerApplyResult> ApplyAsync(string directory, byte[] tar) =>
        LayerApplier.ApplyAsync(new MemoryStream(tar), null, Digest.Sha256(tar), directory, WhiteoutMode.Direct, [], CancellationToken.None);
}
