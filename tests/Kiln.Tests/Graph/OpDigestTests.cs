using System.Collections.Immutable;
using System.Text;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Graph;

public class OpDigestTests
{
    private static readonly ExecMount Root = new("/") { Input = 0, Output = 0 };
    private static readonly ExecOp Exec = new(["sh", "-c", "make"], [Root]);
    private static readonly CopyAction Copy = new(1, "/src", "/app");
    private static readonly FileOp File = new(0, [Copy]);
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Op> Variants = new()
    {
        { "exec", Exec },
        { "exec args", Exec with { Args = ["sh", "-c", "make all"] } },
        { "exec env", Exec with { Env = ["A=1"] } },
        { "exec env order", Exec with { Env = ["B=2", "A=1"] } },
        { "exec env order 2", Exec with { Env = ["A=1", "B=2"] } },
        { "exec cwd", Exec with { Cwd = "/src" } },
        { "exec user", Exec with { User = "nobody" } },
        { "exec network host", Exec with { Network = NetworkMode.Host } },
        { "exec network none", Exec with { Network = NetworkMode.None } },
        { "exec insecure", Exec with { Security = SecurityMode.Insecure } },
        { "mount readonly", Exec with { Mounts = [Root with { ReadOnly = true }] } },
        { "mount selector", Exec with { Mounts = [Root with { Selector = "/sub" }] } },
        { "mount output", Exec with { Mounts = [Root, new ExecMount("/out") { Output = 1 }] } },
        { "mount cache", Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go") }] } },
        { "mount cache locked", Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go", CacheSharing.Locked) }] } },
        { "mount cache mode", Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go") { Mode = 448 } }] } },
        { "mount cache uid", Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go") { Uid = 1000 } }] } },
        { "mount cache gid", Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go") { Gid = 1000 } }] } },
        { "mount cache readonly", Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, ReadOnly = true, Cache = new("go") }] } },
        { "mount secret", Exec with { Mounts = [Root, new ExecMount("/s") { Type = MountType.Secret, Secret = new("npmrc") }] } },
        { "mount secret mode", Exec with { Mounts = [Root, new ExecMount("/s") { Type = MountType.Secret, Secret = new("npmrc") { Mode = 420 } }] } },
        { "mount ssh", Exec with { Mounts = [Root, new ExecMount("/ssh") { Type = MountType.Ssh, Ssh = new() }] } },
        { "mount tmpfs", Exec with { Mounts = [Root, new ExecMount("/t") { Type = MountType.Tmpfs, Tmpfs = new(1024) }] } },
        { "file", File },
        { "copy owner", new FileOp(0, [Copy with { Owner = new("1000", "1000") }]) },
        { "copy mode", new FileOp(0, [Copy with { Mode = 493 }]) },
        { "copy timestamp", new FileOp(0, [Copy with { Timestamp = Epoch }]) },
        { "copy follow", new FileOp(0, [Copy with { FollowSymlinks = true }]) },
        { "copy contents", new FileOp(0, [Copy with { CopyDirectoryContents = true }]) },
        { "copy create", new FileOp(0, [Copy with { CreateDestinationPath = true }]) },
        { "copy wildcard", new FileOp(0, [Copy with { AllowWildcard = true }]) },
        { "copy empty wildcard", new FileOp(0, [Copy with { AllowEmptyWildcard = true }]) },
        { "copy include", new FileOp(0, [Copy with { IncludePatterns = ["*.go"] }]) },
        { "copy exclude", new FileOp(0, [Copy with { ExcludePatterns = ["*.md"] }]) },
        { "file scratch base", new FileOp(-1, [Copy with { FromInput = 0 }]) },
        { "mkdir", new FileOp(0, [new MkdirAction("/app", 493)]) },
        { "mkdir parents", new FileOp(0, [new MkdirAction("/app", 493) { MakeParents = true }]) },
        { "mkfile", new FileOp(0, [new MkfileAction("/f", 420, [.. "x"u8])]) },
        { "mkfile data", new FileOp(0, [new MkfileAction("/f", 420, [.. "y"u8])]) },
        { "rm", new FileOp(0, [new RmAction("/f")]) },
        { "rm allow missing", new FileOp(0, [new RmAction("/f") { AllowNotFound = true }]) },
        { "symlink", new FileOp(0, [new SymlinkAction("/a", "/b")]) },
        { "image", new ImageSourceOp(Reference.Parse("busybox")) },
        { "image platform", new ImageSourceOp(Reference.Parse("busybox"), Platform.Parse("linux/arm64")) },
        { "image variant", new ImageSourceOp(Reference.Parse("busybox"), Platform.Parse("linux/arm/v7")) },
        { "local", new LocalSourceOp("context") },
        { "local excludes", new LocalSourceOp("context") { ExcludePatterns = ["node_modules"] } },
        { "local named", new LocalSourceOp("other") },
        { "git", new GitSourceOp("https://example.com/r.git") },
        { "git ref", new GitSourceOp("https://example.com/r.git", "v1") },
        { "git keep", new GitSourceOp("https://example.com/r.git") { KeepGitDirectory = true } },
        { "http", new HttpSourceOp(new Uri("https://example.com/a.tgz")) },
        { "http checksum", new HttpSourceOp(new Uri("https://example.com/a.tgz")) { Checksum = Digest.Sha256("a"u8) } },
        { "http filename", new HttpSourceOp(new Uri("https://example.com/a.tgz")) { Filename = "b.tgz" } },
        { "merge", new MergeOp([0, 1]) },
        { "merge order", new MergeOp([1, 0]) },
        { "diff", new DiffOp(0, 1) },
        { "diff scratch", new DiffOp(-1, 1) },
    };

    public static TheoryData<string> Names() => [.. Variants.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryFieldChangesTheDigest(string name)
    {
        var others = Variants.Where(row => row.Key != name).Select(row => row.Value.ComputeDigest());

        Assert.DoesNotContain(Variants[name].ComputeDigest(), others);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SerializationIsDeterministicAndValidJson(string name)
    {
        var op = Variants[name];
        var bytes = op.Serialize();

        Assert.Equal(bytes, op.Serialize());
        using var document = System.Text.Json.JsonDocument.Parse(bytes);
        Assert.Equal(op.Kind, document.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void EqualOpsBuiltSeparatelyHaveEqualDigests()
    {
        var a = new ExecOp(ImmutableArray.Create("sh", "-c", "make"), [new ExecMount("/") { Input = 0, Output = 0 }]);

        Assert.Equal(Exec.ComputeDigest(), a.ComputeDigest());
    }

    [Fact]
    public void CanonicalFormIsPinned()
    {
        var expected = System.IO.File.ReadAllText(Path.Combine("testdata", "graph", "exec-op.canonical.json"));

        Assert.Equal(expected, Encoding.UTF8.GetString(Exec.Serialize()));
    }

    [Fact]
    public void TimestampOffsetDoesNotChangeTheBytes()
    {
        var utc = new FileOp(0, [Copy with { Timestamp = Epoch }]);
        var shifted = new FileOp(0, [Copy with { Timestamp = Epoch.ToOffset(TimeSpan.FromHours(5)) }]);

        Assert.Equal(utc.Serialize(), shifted.Serialize());
    }

    [Fact]
    public void CacheMountWritesModeAndOwnerOnlyWhenSet()
    {
        var plain = Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go") }] };
        var owned = Exec with { Mounts = [Root, new ExecMount("/c") { Type = MountType.Cache, Cache = new("go") { Mode = 448, Uid = 1, Gid = 2 } }] };

        Assert.Equal(["id", "sharing"], CacheFields(plain).Select(p => p.Name));
        Assert.Equal(["id", "sharing", "mode", "uid", "gid"], CacheFields(owned).Select(p => p.Name));
        Assert.Equal(448, CacheFields(owned).Single(p => p.Name == "mode").Value.GetInt32());
    }

    [Fact]
    public void SecretMountSerializesItsIdOnly()
    {
        var op = Exec with { Mounts = [Root, new ExecMount("/run/secrets/npmrc") { Type = MountType.Secret, Secret = new("npmrc") }] };

        using var document = System.Text.Json.JsonDocument.Parse(op.Serialize());
        var secret = document.RootElement.GetProperty("mounts")[1].GetProperty("secret");

        Assert.Equal(["id", "optional", "uid", "gid", "mode"], secret.EnumerateObject().Select(p => p.Name));
        Assert.Equal(256, secret.GetProperty("mode").GetInt32());
    }

    private static List<System.Text.Json.JsonProperty> CacheFields(ExecOp op)
    {
        using var document = System.Text.Json.JsonDocument.Parse(op.Serialize());
        return [.. document.RootElement.GetProperty("mounts")[1].GetProperty("cache").Clone().EnumerateObject()];
    }
}
