using System.Text;
using Kiln.Build;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Snapshots.Unix;

namespace Kiln.IntegrationTests.Build;

/// <summary>Local and http sources and the merge op of COPY --link, through the scheduler.</summary>
public sealed class SourceRunnerTests
{
    private static readonly DateTimeOffset Modified = new(2019, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public async Task ALocalSourceHoldsOnlyItsIncludesMinusTheIgnoredFiles()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("src/main.c", "main");
        harness.Write("src/main.o", "obj");
        harness.Write("docs/x", "x");
        harness.Write("top", "t");
        var local = new Vertex(new LocalSourceOp("context") { IncludePatterns = ["src", "top"], ExcludePatterns = ["**/*.o"] });

        await using var view = await harness.SolveAndViewAsync(local);

        var files = Directory.EnumerateFiles(view.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(view.Path, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["src/main.c", "top"], files);
    }

    [Fact]
    public async Task SourcesWithDifferentIncludesShareOneStatCacheOfTheWholeContext()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        harness.Write("b.txt", "b");

        await harness.SolveAsync(harness.Local("a.txt"));
        await harness.SolveAsync(harness.Local("b.txt"));

        using var cache = Kiln.Context.StatCache.Open(Path.Combine(harness.Paths.Root, "context-stat-cache.db"));
        Assert.Equal(["a.txt", "b.txt"], cache.Load(Path.GetFullPath(harness.Context)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ANamedContextIsReadAndAnUnknownNameFails()
    {
        await using var harness = await BuildHarness.CreateAsync();
        var other = Path.Combine(harness.Context, "..", "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "o"), "o");
        harness.Sources = harness.Sources.With("extra", other);

        await using (var view = await harness.SolveAndViewAsync(new Vertex(new LocalSourceOp("extra"))))
        {
            FileInfoAssert.File(Path.Combine(view.Path, "o"), 0x1A4, 0, 0, "o");
        }

        var unknown = new Vertex(new LocalSourceOp("nope"), metadata: new VertexMetadata { Source = BuildHarness.Span });
        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(unknown));
        Assert.Equal(ErrorCodes.LocalSourceUnknown, error.Code);
        Assert.Equal(BuildHarness.Span, error.Span);
    }

    [Fact]
    public async Task ALinkedCopyIsItsOwnLayerOverTheBase()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("app/run", "run", 0x1ED);
        var busybox = BuildHarness.Busybox();
        var copied = BuildHarness.File(new FileOp(-1, [new CopyAction(0, "/app", "/opt/") { CopyDirectoryContents = true, CreateDestinationPath = true }]), harness.Local());
        var merged = BuildHarness.File(new MergeOp([0, 1]), busybox, copied);

        var result = await harness.SolveAsync(merged);
        var image = await harness.SolveAsync(busybox);

        var top = await harness.StatAsync(result.Result.Id);
        Assert.Equal(image.Result.Id, top.Parent);
        var layer = harness.FilesOf(top);
        var files = Directory.EnumerateFileSystemEntries(layer, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(layer, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["opt", "opt/run"], files);
        FileInfoAssert.File(Path.Combine(layer, "opt/run"), 0x1ED, 0, 0, "run");
        await using var view = await Kiln.Build.Snapshots.SnapshotView.MountAsync(harness.Snapshotter, harness.Paths, result.Result.Id, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(view.Path, "bin/busybox")));
        Assert.True(File.Exists(Path.Combine(view.Path, "opt/run")));
    }

    [Fact]
    public async Task AnHttpSourceIsVerifiedAndKeepsTheServersTimeWithMode0600()
    {
        var body = Encoding.UTF8.GetBytes("downloaded");
        await using var server = new StaticHttpServer(new() { ["/files/tool.sh"] = body }, Modified);
        await using var harness = await BuildHarness.CreateAsync();
        var url = new Uri(server.BaseUri, "files/tool.sh");
        var http = new Vertex(new HttpSourceOp(url) { Checksum = Digest.Sha256(body) });
        var add = BuildHarness.File(new FileOp(0, [new CopyAction(1, "/tool.sh", "/usr/local/bin/") { CreateDestinationPath = true, Mode = 0x1ED }]), BuildHarness.Busybox(), http);

        await using (var view = await harness.SolveAndViewAsync(http))
        {
            var file = FileInfoAssert.File(Path.Combine(view.Path, "tool.sh"), 0x180, 0, 0, "downloaded");
            Assert.Equal(Modified.ToUnixTimeSeconds(), file.MtimeSeconds);
        }

        await using (var view = await harness.SolveAndViewAsync(add))
        {
            FileInfoAssert.File(Path.Combine(view.Path, "usr/local/bin/tool.sh"), 0x1ED, 0, 0, "downloaded");
        }

        Assert.Equal(1, server.Requests["/files/tool.sh"]);
    }

    [Fact]
    public async Task AChecksumMismatchNamesBothDigests()
    {
        var body = Encoding.UTF8.GetBytes("tampered");
        await using var server = new StaticHttpServer(new() { ["/f"] = body }, Modified);
        await using var harness = await BuildHarness.CreateAsync();
        var expected = Digest.Sha256("original"u8);
        var http = new Vertex(new HttpSourceOp(new Uri(server.BaseUri, "f")) { Checksum = expected }, metadata: new VertexMetadata { Source = BuildHarness.Span });

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(http));

        Assert.Equal(ErrorCodes.HttpChecksumMismatch, error.Code);
        Assert.Equal(BuildHarness.Span, error.Span);
        Assert.Contains(expected.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(Digest.Sha256(body).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAChecksumTheBodyDigestIsTheKeyAndA404Fails()
    {
        await using var server = new StaticHttpServer(new() { ["/a"] = "one"u8.ToArray() }, null, "served.bin");
        await using var harness = await BuildHarness.CreateAsync();
        var http = new Vertex(new HttpSourceOp(new Uri(server.BaseUri, "a")) { Filename = "renamed", Mode = 0x1A4 });

        var unnamed = new Vertex(new HttpSourceOp(new Uri(server.BaseUri, "a")));
        await using (var view = await harness.SolveAndViewAsync(http))
        {
            var file = FileInfoAssert.File(Path.Combine(view.Path, "renamed"), 0x1A4, 0, 0, "one");
            Assert.Equal(0, file.MtimeSeconds);
        }

        await using (var view = await harness.SolveAndViewAsync(unnamed))
        {
            FileInfoAssert.File(Path.Combine(view.Path, "served.bin"), 0x180, 0, 0, "one");
        }

        var second = await harness.SolveAsync(http);
        Assert.True(second.Cached);

        var missing = new Vertex(new HttpSourceOp(new Uri(server.BaseUri, "missing")));
        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(missing));
        Assert.Equal(ErrorCodes.HttpDownloadFailed, error.Code);
    }
}
