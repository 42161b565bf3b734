using Kiln.Diagnostics;
using Kiln.Exec.Users;

namespace Kiln.Tests.Exec;

public sealed class UserResolverTests
{
    private const string Passwd = """
        root:x:0:0:root:/root:/bin/sh
        # a comment
        nobody:x:65534:65534:nobody:/nonexistent:/bin/false
        alice:x:1001:1002::/home/alice:/bin/sh
        broken:x:notanumber:1:
        1500:x:1600:1600::/home/numeric:/bin/sh
        nohome:x:1700:1700:::/bin/sh
        """;

    private const string Group = """
        root:x:0:
        staff:x:1002:
        dev:x:2000:alice
        ops:x:2001:bob, alice
        wheel:x:10:bob
        nogroup:x:65534:
        """;

    public static TheoryData<string, string?, uint, uint, uint[], string> Rows => new()
    {
        { "empty is root without groups", "", 0, 0, [], "/root" },
        { "null is root", null, 0, 0, [], "/root" },
        { "root by name", "root", 0, 0, [], "/root" },
        { "name gets membership groups", "alice", 1001, 1002, [2000, 2001], "/home/alice" },
        { "uid matches the entry", "1001", 1001, 1002, [2000, 2001], "/home/alice" },
        { "numeric pair is taken as is", "1001:1002", 1001, 1002, [], "/home/alice" },
        { "root:root pair", "root:root", 0, 0, [], "/root" },
        { "unknown uid gets gid 0", "4321", 4321, 0, [], "/" },
        { "unknown numeric pair", "4321:99", 4321, 99, [], "/" },
        { "explicit group by name", "alice:ops", 1001, 2001, [], "/home/alice" },
        { "explicit group by gid", "alice:2000", 1001, 2000, [], "/home/alice" },
        { "explicit numeric group not in file", "alice:777", 1001, 777, [], "/home/alice" },
        { "name before uid: first match wins", "1500", 1600, 1600, [], "/home/numeric" },
        { "empty home becomes /", "nohome", 1700, 1700, [], "/" },
        { "nobody", "nobody", 65534, 65534, [], "/nonexistent" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ResolvesWithBuildKitsRules(string name, string? user, uint uid, uint gid, uint[] groups, string home)
    {
        Assert.NotEmpty(name);
        var resolved = UserResolver.ResolveFromContents(user, Passwd, Group);
        Assert.Equal(uid, resolved.Uid);
        Assert.Equal(gid, resolved.Gid);
        Assert.Equal(groups, resolved.AdditionalGids);
        Assert.Equal(home, resolved.Home);
    }

    [Theory]
    [InlineData("mallory", "UserNotFound")]
    [InlineData("mallory:staff", "UserNotFound")]
    [InlineData("alice:nosuchgroup", "GroupNotFound")]
    [InlineData(":staff", "InvalidUser")]
    public void ReportsUnresolvableUsers(string user, string code)
    {
        var span = SourceSpan.Lines("Dockerfile", 3, 3);
        var error = Assert.Throws<KilnException>(() => UserResolver.ResolveFromContents(user, Passwd, Group, span));
        Assert.Equal(code, error.Code.Name);
        Assert.Equal(span, error.Span);
    }

    [Fact]
    public void MissingFilesOnlyAllowNumericUsers()
    {
        Assert.Equal(42u, UserResolver.ResolveFromContents("42", null, null).Uid);
        Assert.Equal(ErrorCodes.UserNotFound, Assert.Throws<KilnException>(() => UserResolver.ResolveFromContents("root", null, null)).Code);
    }

    [Fact]
    public void ReadsFilesThroughSymlinksInsideTheRootfs()
    {
        using var rootfs = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(rootfs.Path, "real"));
        Directory.CreateDirectory(Path.Combine(rootfs.Path, "etc"));
        File.WriteAllText(Path.Combine(rootfs.Path, "real/passwd"), "bob:x:7:8::/b:/bin/sh\n");
        File.CreateSymbolicLink(Path.Combine(rootfs.Path, "etc/passwd"), "/real/passwd");
        var user = UserResolver.Resolve(rootfs.Path, "bob");
        Assert.Equal((7u, 8u, "/b"), (user.Uid, user.Gid, user.Home));
    }
}
