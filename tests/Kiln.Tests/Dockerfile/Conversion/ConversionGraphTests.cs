using System.Collections.Immutable;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Conversion;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Dockerfile.Conversion;

/// <summary>The graph the conversion produces: ops, inputs, mounts, sources and sharing between platforms.</summary>
public class ConversionGraphTests
{
    private const string Busybox = FakeImageConfigs.Busybox;
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");

    [Fact]
    public async Task BuildPlatformStageIsOneVertexForEveryTargetPlatform()
    {
        var result = await ConvertAsync(
            $"FROM --platform=$BUILDPLATFORM {Busybox} AS build\nRUN echo hi > /x\nFROM {Busybox}\nCOPY --from=build /x /x\n",
            r => r with { TargetPlatforms = [Amd64, Arm64] });
        Assert.Equal(2, result.Platforms.Length);
        Assert.Same(result.Platforms[0].Stages[0], result.Platforms[1].Stages[0]);
        Assert.NotEqual(result.Platforms[0].Root!.Digest, result.Platforms[1].Root!.Digest);
        Assert.Equal("arm64", result.Platforms[1].Config.Architecture);
    }

    [Fact]
    public async Task StageUsingTargetArchIsConvertedPerPlatform()
    {
        var result = await ConvertAsync(
            $"FROM --platform=$BUILDPLATFORM {Busybox} AS build\nARG TARGETARCH\nRUN echo $TARGETARCH\nFROM {Busybox}\nCOPY --from=build / /\n",
            r => r with { TargetPlatforms = [Amd64, Arm64] });
        Assert.NotSame(result.Platforms[0].Stages[0], result.Platforms[1].Stages[0]);
        var exec = (ExecOp)result.Platforms[1].Stages[0]!.Op;
        Assert.Contains("TARGETARCH=arm64", exec.Env);
        Assert.Equal("[linux/amd64->arm64 build 2/2] RUN echo $TARGETARCH", result.Platforms[1].Stages[0]!.Metadata.Name);
    }

    [Fact]
    public async Task RunMountOptionsExpandBuildArgs()
    {
        var result = await ConvertAsync(
            $"FROM {Busybox}\nARG TARGETARCH\nRUN --mount=type=cache,id=apt-$TARGETARCH,target=/var/cache/apt,sharing=locked apt-get update\n",
            r => r with { TargetPlatforms = [Arm64] });
        var exec = Assert.IsType<ExecOp>(result.Platforms[0].Root!.Op);
        var cache = Assert.Single(exec.Mounts, m => m.Type == Kiln.Graph.MountType.Cache);
        Assert.Equal(new CacheMountOptions("apt-arm64", CacheSharing.Locked), cache.Cache);
        Assert.Equal("/var/cache/apt", cache.Destination);
    }

    [Fact]
    public async Task CacheMountCarriesModeOwnerReadOnlyAndSource()
    {
        var result = await ConvertAsync($"FROM {Busybox} AS seed\nFROM {Busybox}\nRUN --mount=type=cache,target=/c,from=seed,source=/etc,mode=0700,uid=1000,gid=100,ro ls /c\n");
        var exec = Assert.IsType<ExecOp>(result.Platforms[0].Root!.Op);
        var cache = Assert.Single(exec.Mounts, m => m.Type == Kiln.Graph.MountType.Cache);
        Assert.Equal(new CacheMountOptions("/c") { Mode = 448, Uid = 1000, Gid = 100 }, cache.Cache);
        Assert.True(cache.ReadOnly);
        Assert.Equal("/etc", cache.Selector);
        Assert.True(cache.Input >= 0);
    }

    [Fact]
    public async Task RunCarriesEnvironmentWorkingDirectoryUserAndShell()
    {
        var result = await ConvertAsync($"FROM {Busybox}\nENV A=1\nARG X=2\nWORKDIR /w\nUSER app\nRUN --network=none make\n");
        var root = result.Platforms[0].Root!;
        var exec = Assert.IsType<ExecOp>(root.Op);
        Assert.Equal(["/bin/sh", "-c", "make"], exec.Args.ToArray());
        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=1", "X=2"], exec.Env.ToArray());
        Assert.Equal("/w", exec.Cwd);
        Assert.Equal("app", exec.User);
        Assert.Equal(NetworkMode.None, exec.Network);
        Assert.Equal("[3/3] RUN --network=none make", root.Metadata.Name);
        var mkdir = Assert.IsType<FileOp>(root.Inputs[0].Vertex.Op);
        Assert.Equal(new MkdirAction("/w", 0x1ED) { MakeParents = true }, Assert.Single(mkdir.Actions));
    }

    [Fact]
    public async Task CopyFromContextIncludesOnlyItsSources()
    {
        var result = await ConvertAsync(
            $"FROM {Busybox}\nWORKDIR /app\nCOPY --chown=1:2 a.txt src/ ./\n", r => r with { ContextExcludes = ["**/*.log"] });
        var file = Assert.IsType<FileOp>(result.Platforms[0].Root!.Op);
        var copies = file.Actions.Cast<CopyAction>().ToList();
        Assert.Equal(["/a.txt", "/src/"], copies.Select(c => c.Source));
        Assert.All(copies, c => Assert.Equal("/app/", c.Destination));
        Assert.All(copies, c => Assert.Equal(new FileOwner("1", "2"), c.Owner));
        Assert.All(copies, c => Assert.False(c.AttemptUnpack));
        var local = Assert.IsType<LocalSourceOp>(result.Platforms[0].Root!.Inputs[copies[0].FromInput].Vertex.Op);
        Assert.Equal(["a.txt", "src/"], local.IncludePatterns.ToArray());
        Assert.Equal(["**/*.log"], local.ExcludePatterns.ToArray());
    }

    [Fact]
    public async Task CopyLinkCopiesOntoScratchAndMerges()
    {
        var result = await ConvertAsync($"FROM {Busybox}\nCOPY --link a.txt /a\n");
        var root = result.Platforms[0].Root!;
        Assert.IsType<MergeOp>(root.Op);
        Assert.IsType<ImageSourceOp>(root.Inputs[0].Vertex.Op);
        Assert.Equal(-1, Assert.IsType<FileOp>(root.Inputs[1].Vertex.Op).BaseInput);
    }

    [Fact]
    public async Task AddDownloadsUrlsWithChecksumAndUnpacksLocalArchives()
    {
        const string sum = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d";
        var result = await ConvertAsync($"FROM {Busybox}\nADD --checksum={sum} https://example.com/x/data.tgz /opt/\nADD app.tar.gz /srv/\n");
        var root = result.Platforms[0].Root!;
        var unpack = (CopyAction)Assert.Single(((FileOp)root.Op).Actions);
        Assert.True(unpack.AttemptUnpack);
        var download = (FileOp)root.Inputs[0].Vertex.Op;
        var copy = (CopyAction)Assert.Single(download.Actions);
        Assert.Equal("/data.tgz", copy.Source);
        var http = Assert.IsType<HttpSourceOp>(root.Inputs[0].Vertex.Inputs[copy.FromInput].Vertex.Op);
        Assert.Equal(Digest.Parse(sum), http.Checksum);
        Assert.Equal("data.tgz", http.Filename);
    }

    [Theory]
    [InlineData("https://github.com/moby/buildkit.git#v0.13.0:docs", "https://github.com/moby/buildkit.git", "v0.13.0", "docs")]
    [InlineData("git@github.com:moby/buildkit.git", "git@github.com:moby/buildkit.git", null, null)]
    [InlineData("git://example.com/repo#main", "git://example.com/repo", "main", null)]
    public async Task AddOfAGitRepositoryChecksItOut(string source, string remote, string? gitRef, string? subdir)
    {
        var result = await ConvertAsync($"FROM {Busybox}\nADD --keep-git-dir=true {source} /src\n");
        var root = result.Platforms[0].Root!;
        var copy = (CopyAction)Assert.Single(((FileOp)root.Op).Actions);
        Assert.Equal("/", copy.Source);
        var git = Assert.IsType<GitSourceOp>(root.Inputs[copy.FromInput].Vertex.Op);
        Assert.Equal(new GitSourceOp(remote, gitRef) { KeepGitDirectory = true, Subdirectory = subdir }, git);
    }

    [Fact]
    public async Task UnusedBuildArgsAreListedAndWarned()
    {
        var result = await ConvertAsync(
            $"ARG GLOBAL\nFROM {Busybox}\nARG USED\n",
            r => r with { BuildArgs = r.BuildArgs.Add("USED", "1").Add("GLOBAL", "2").Add("EXTRA", "3").Add("no_proxy", "x") });
        Assert.Equal(["EXTRA"], result.UnusedBuildArgs.ToArray());
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.ConvertUnusedBuildArg && !d.IsError);
    }

    [Fact]
    public async Task CopyParentsKeepsTheSourcePathBelowTheDestination()
    {
        var result = await ConvertAsync($"FROM {Busybox}\nCOPY --parents src/*/main.go /app/\n", r => r with { Labs = true });
        var copy = (CopyAction)Assert.Single(((FileOp)result.Platforms[0].Root!.Op).Actions);
        Assert.Equal("/", copy.Source);
        Assert.Equal(["src/*/main.go"], copy.IncludePatterns.ToArray());
        Assert.Equal("/app/", copy.Destination);
    }

    [Fact]
    public async Task ChildStageRunsSeeArgsInheritedFromTheParentStage()
    {
        var result = await ConvertAsync($"FROM {Busybox} AS base\nARG V=1\nENV E=2\nARG E=3\nFROM base\nRUN true\n");
        var exec = Assert.IsType<ExecOp>(result.Platforms[0].Root!.Op);
        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "E=3", "V=1"], exec.Env.ToArray());
        Assert.Equal("RUN /bin/sh -c true # buildkit", result.Platforms[0].History[^1].CreatedBy);
    }

    [Fact]
    public async Task HeredocSourceIsAnExpandedFile()
    {
        var result = await ConvertAsync($"FROM {Busybox}\nARG WHO=you\nCOPY <<EOT /greeting\nhi $WHO\nEOT\n");
        var root = result.Platforms[0].Root!;
        var copy = (CopyAction)Assert.Single(((FileOp)root.Op).Actions);
        var mkfile = (MkfileAction)Assert.Single(((FileOp)root.Inputs[copy.FromInput].Vertex.Op).Actions);
        Assert.Equal("hi you\n", Encoding.UTF8.GetString(mkfile.Data.AsSpan()));
        Assert.Equal("/greeting", copy.Destination);
    }

    [Fact]
    public async Task NamedLocalContextReplacesAnImageInCopyFrom()
    {
        var result = await ConvertAsync(
            $"FROM {Busybox}\nCOPY --from=assets /logo.png /srv/\n",
            r => r with { NamedContexts = r.NamedContexts.Add("assets", NamedContext.Local("assets")) });
        var root = result.Platforms[0].Root!;
        Assert.Contains(root.Inputs, e => e.Vertex.Op is LocalSourceOp { Name: "assets" });
    }

    [Fact]
    public async Task OnlyStagesReachableFromTheTargetAreConverted()
    {
        var images = new FakeImageConfigs();
        var result = await ConvertAsync(
            $"FROM {Busybox} AS one\nFROM unknown.invalid/never:pulled AS two\nFROM one\nRUN true\n", images: images);
        Assert.False(result.HasErrors);
        Assert.Equal([0, 2], result.Platforms[0].Stages.Keys.Order());
        Assert.All(images.Requests, r => Assert.Equal(Busybox, r.Image));
    }

    [Theory]
    [InlineData("ARG M=999\nCOPY --chmod=$M a /b", 1523)]
    [InlineData("ARG P=99999\nEXPOSE $P", 1525)]
    [InlineData("ARG D=/c\nCOPY a b $D", 1528)]
    [InlineData("ARG X=1\nENV A=${X", 1522)]
    public async Task InvalidValuesAfterExpansionAreReportedAtTheirLine(string lines, int code)
    {
        var result = await ConvertAsync($"FROM {Busybox}\n{lines}\n");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code.Number);
        Assert.Equal(3, error.Span!.Start.Line);
    }

    [Fact]
    public async Task MissingBaseImageIsReportedAtTheFromLine()
    {
        var result = await ConvertAsync("FROM 127.0.0.1:5000/missing:1\n");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(ErrorCodes.ConvertBaseImage, error.Code);
        Assert.Equal(1, error.Span!.Start.Line);
    }

    private static async Task<ConversionResult> ConvertAsync(
        string dockerfile, Func<ConversionRequest, ConversionRequest>? configure = null, FakeImageConfigs? images = null)
    {
        var request = new ConversionRequest(dockerfile, (images ?? new FakeImageConfigs()).Provider);
        return await DockerfileConverter.ConvertAsync(configure is null ? request : configure(request), CancellationToken.None);
    }
}
