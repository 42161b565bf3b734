using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots.Layers;

namespace Kiln.Tests.Snapshots;

/// <summary>Crafted tars that try to write outside the extraction root: each is refused with KILN1710 and nothing escapes.</summary>
public sealed class MaliciousLayerTests
{
    public static TheoryData<string> Cases => [.. Builders.Keys];

    private static readonly Dictionary<string, Func<Sandbox, byte[]>> Builders = new()
    {
        ["dot-dot"] = _ => new TarBuilder().File("../../escaped", "x").Build(),
        ["dot-dot-after-dir"] = _ => new TarBuilder().Directory("d").File("d/../../../escaped", "x").Build(),
        ["absolute-path"] = s => new TarBuilder().File(s.Base + "/escaped", "x").Build(),
        ["symlink-to-root-then-file"] = s => new TarBuilder().Symlink("link", "/").File("link" + s.Base + "/escaped", "x").Build(),
        ["symlink-climbing-out-then-file"] = _ => new TarBuilder().Symlink("up", "../../..").File("up/escaped", "x").Build(),
        ["symlink-chain-out"] = _ => new TarBuilder().Symlink("s2", "../..").Symlink("s1", "s2").File("s1/escaped", "x").Build(),
        ["symlink-in-subdir-out"] = _ => new TarBuilder().Directory("d").Symlink("d/up", "../../x").File("d/up/escaped", "x").Build(),
        ["symlink-loop"] = _ => new TarBuilder().Symlink("loop", "loop").File("loop/escaped", "x").Build(),
        ["hardlink-dot-dot"] = _ => new TarBuilder().HardLink("h", "../../../victim").Build(),
        ["hardlink-absolute"] = s => new TarBuilder().HardLink("h", s.Base + "/victim").Build(),
        ["hardlink-through-symlink"] = s => new TarBuilder().Symlink("d", "/").HardLink("h", "d" + s.Base + "/victim").Build(),
        ["whiteout-through-symlink"] = s => new TarBuilder().Symlink("d", "/").File("d" + s.Base + "/.wh.victim", "").Build(),
        ["opaque-through-symlink"] = s => new TarBuilder().Symlink("d", "../../..").File("d/.wh..wh..opq", "").Build(),
        ["long-component"] = _ => new TarBuilder().File(new string('a', 300), "x").Build(),
        ["long-path"] = _ => new TarBuilder().File(string.Join('/', Enumerable.Repeat(new string('b', 200), 25)), "x").Build(),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RefusesAndWritesNothingOutside(string name)
    {
        using var sandbox = new Sandbox();
        var victim = Path.Combine(sandbox.Base, "victim");
        await File.WriteAllTextAsync(victim, "precious");
        var before = sandbox.OutsideRoot();
        var tar = Builders[name](sandbox);
        var layer = Digest.Sha256(tar);

        var error = await Assert.ThrowsAsync<KilnException>(() =>
            LayerApplier.ApplyAsync(new MemoryStream(tar), MediaType.OciLayer, layer, sandbox.Root, WhiteoutMode.Direct, [], CancellationToken.None));

        Assert.Equal(ErrorCodes.LayerUnsafeEntry, error.Code);
        Assert.Contains(layer.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.OutsideRoot());
        Assert.Equal("precious", await File.ReadAllTextAsync(victim));
    }

    [Fact]
    public async Task ReplacesAFinalSymlinkInsteadOfWritingThroughIt()
    {
        using var sandbox = new Sandbox();
        var victim = Path.Combine(sandbox.Base, "victim");
        await File.WriteAllTextAsync(victim, "precious");
        var tar = new TarBuilder().Symlink("f", victim).File("f", "replaced").Build();

        await LayerApplier.ApplyAsync(new MemoryStream(tar), null, Digest.Sha256(tar), sandbox.Root, WhiteoutMode.Direct, ImmutableArray<string>.Empty, CancellationToken.None);

        Assert.Equal("precious", await File.ReadAllTextAsync(victim));
        Assert.Null(new FileInfo(Path.Combine(sandbox.Root, "f")).LinkTarget);
        Assert.Equal("replaced", await File.ReadAllTextAsync(Path.Combine(sandbox.Root, "f")));
    }

    [Fact]
    public async Task FollowsASymlinkThatStaysInsideTheRoot()
    {
        using var sandbox = new Sandbox();
        var tar = new TarBuilder().Directory("usr/lib").Symlink("lib", "usr/lib").File("lib/x", "inside").Directory("usr/bin").Symlink("usr/bin/up", "../lib").File("usr/bin/up/y", "too").Build();

        await LayerApplier.ApplyAsync(new MemoryStream(tar), null, Digest.Sha256(tar), sandbox.Root, WhiteoutMode.Direct, [], CancellationToken.None);

        Assert.Equal("inside", await File.ReadAllTextAsync(Path.Combine(sandbox.Root, "usr/lib/x")));
        Assert.Equal("too", await File.ReadAllTextAsync(Path.Combine(sandbox.Root, "usr/lib/y")));
        Assert.Equal("usr/lib", new FileInfo(Path.Combine(sandbox.Root, "lib")).LinkTarget);
        Assert.Empty(sandbox.OutsideRoot());
    }

    [Fact]
    public async Task AcceptsALongNameWithinTheLimits()
    {
        using var sandbox = new Sandbox();
        var name = string.Join('/', Enumerable.Repeat(new string('c', 200), 3)) + "/file";
        var tar = new TarBuilder().File(name, "deep").Build();

        await LayerApplier.ApplyAsync(new MemoryStream(tar), null, Digest.Sha256(tar), sandbox.Root, WhiteoutMode.Direct, [], CancellationToken.None);

        Assert.Equal("deep", await File.ReadAllTextAsync(Path.Combine(sandbox.Root, name)));
    }
}
