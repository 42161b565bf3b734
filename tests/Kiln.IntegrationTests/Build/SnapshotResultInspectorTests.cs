using Kiln.Build;
using Kiln.Build.Snapshots;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Snapshots.Unix;
using Kiln.Solver;

namespace Kiln.IntegrationTests.Build;

/// <summary>Selection digests of committed results: what counts (content, mode, owner, links) and what does not (times).</summary>
public sealed class SnapshotResultInspectorTests
{
    private static readonly InputSelection All = new([new PathSelector("/")]);

    [Fact]
    public async Task ContentModeAndOwnerCountButTimesDoNot()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = root.Overlay;
        var inspector = new SnapshotResultInspector(snapshotter, root.Paths);
        async Task<Digest> DigestOf(string name, Action<string> change)
        {
            var result = await ResultSnapshots.CreateAsync(snapshotter, root.Paths, name, null, (dir, _) =>
            {
                File.WriteAllText(Path.Combine(dir, "f"), "same");
                File.CreateSymbolicLink(Path.Combine(dir, "l"), "f");
                change(Path.Combine(dir, "f"));
                return Task.CompletedTask;
            }, mount: false, CancellationToken.None);
            return await inspector.DigestSelectionAsync(result, All, CancellationToken.None);
        }

        var baseline = await DigestOf("a", _ => { });
        var touched = await DigestOf("b", f => File.SetLastWriteTimeUtc(f, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        var chmodded = await DigestOf("c", f => FileOps.Chmod(f, 0x1FF));
        var chowned = await DigestOf("d", f => FileOps.Chown(f, 5, 5));
        var edited = await DigestOf("e", f => File.WriteAllText(f, "other"));

        Assert.Equal(baseline, touched);
        Assert.Equal(4, new[] { baseline, chmodded, chowned, edited }.Distinct().Count());
    }

    [Fact]
    public async Task SelectionsNarrowByPathWildcardAndPatternsAndAMissingPathFails()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var inspector = new SnapshotResultInspector(root.Overlay, root.Paths);
        async Task<OpResult> Make(string name, string extra) => await ResultSnapshots.CreateAsync(root.Overlay, root.Paths, name, null, (dir, _) =>
        {
            Directory.CreateDirectory(Path.Combine(dir, "src"));
            File.WriteAllText(Path.Combine(dir, "src/a.c"), "a");
            File.WriteAllText(Path.Combine(dir, "src/a.o"), extra);
            File.WriteAllText(Path.Combine(dir, "other"), extra);
            return Task.CompletedTask;
        }, mount: false, CancellationToken.None);
        var one = await Make("one", "1");
        var two = await Make("two", "2");
        var narrow = new InputSelection([new PathSelector("/src") { ExcludePatterns = ["*.o"] }, new PathSelector("/src/*.c") { AllowWildcard = true }]);

        Assert.Equal(await inspector.DigestSelectionAsync(one, narrow, CancellationToken.None), await inspector.DigestSelectionAsync(two, narrow, CancellationToken.None));
        Assert.NotEqual(await inspector.DigestSelectionAsync(one, All, CancellationToken.None), await inspector.DigestSelectionAsync(two, All, CancellationToken.None));
        var missing = new InputSelection([new PathSelector("/nope")]);
        var error = await Assert.ThrowsAsync<KilnException>(async () => await inspector.DigestSelectionAsync(one, missing, CancellationToken.None));
        Assert.Equal(ErrorCodes.CopySourceNotFound, error.Code);
        Assert.True(await inspector.ExistsAsync(one, CancellationToken.None));
        Assert.False(await inspector.ExistsAsync(new OpResult("result-none"), CancellationToken.None));
    }

    [Fact]
    public async Task ADigestIsRememberedPerSnapshotAndForgottenWhenTheSnapshotIsReplaced()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var inspector = new SnapshotResultInspector(root.Overlay, root.Paths);
        Task<OpResult> Make(string content) => ResultSnapshots.CreateAsync(root.Overlay, root.Paths, "r", null, (dir, _) => File.WriteAllTextAsync(Path.Combine(dir, "f"), content), mount: false, CancellationToken.None);
        var first = await Make("1");
        var digest = await inspector.DigestSelectionAsync(first, All, CancellationToken.None);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(root.Paths.Root, "selections")));
        Assert.Equal(digest, await inspector.DigestSelectionAsync(first, All, CancellationToken.None));

        await root.Overlay.RemoveAsync("r", CancellationToken.None);
        var replaced = await Make("2");

        Assert.NotEqual(digest, await inspector.DigestSelectionAsync(replaced, All, CancellationToken.None));
    }
}
