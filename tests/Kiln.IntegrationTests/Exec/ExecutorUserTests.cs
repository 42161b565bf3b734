using Kiln.Diagnostics;

namespace Kiln.IntegrationTests.Exec;

/// <summary>USER resolution inside a real container: <c>id</c> shows what the process really got.</summary>
public sealed class ExecutorUserTests
{
    public static TheoryData<string, string, string> Users => new()
    {
        // busybox id prints groups= only when the process has supplementary groups, as BuildKit's runc gives
        // them only from /etc/group membership.
        { "default is root", "", "uid=0(root) gid=0(root)" },
        { "root by name", "root", "uid=0(root) gid=0(root)" },
        { "nobody by name", "nobody", "uid=65534(nobody) gid=65534(nogroup)" },
        { "numeric pair", "1234:5678", "uid=1234 gid=5678" },
        { "numeric uid not in passwd", "4321", "uid=4321 gid=0(root)" },
        { "added user gets supplementary groups", "alice", "uid=1001(alice) gid=1002(staff) groups=2000(dev),2001(ops)" },
        { "uid of added user also gets them", "1001", "uid=1001(alice) gid=1002(staff) groups=2000(dev),2001(ops)" },
        { "explicit group replaces them", "alice:ops", "uid=1001(alice) gid=2001(ops)" },
        { "numeric pair skips membership", "1001:1002", "uid=1001(alice) gid=1002(staff)" },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task IdShowsTheResolvedUser(string name, string user, string expected)
    {
        Assert.NotEmpty(name);
        await using var root = await ExecTestRoot.CreateAsync();
        AddAlice(root.Rootfs);
        var (stdout, _) = await root.RunShellAsync("id", r => r with { User = user });
        Assert.Equal([expected], stdout);
    }

    [Fact]
    public async Task UnknownUserNameFailsBeforeRunning()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var error = await Assert.ThrowsAsync<KilnException>(() => root.RunShellAsync("true", r => r with { User = "mallory" }));
        Assert.Equal(ErrorCodes.UserNotFound, error.Code);
    }

    private static void AddAlice(string rootfs)
    {
        File.AppendAllText(Path.Combine(rootfs, "etc/passwd"), "alice:x:1001:1002::/home/alice:/bin/sh\n");
        File.AppendAllText(Path.Combine(rootfs, "etc/group"), "staff:x:1002:\ndev:x:2000:alice\nops:x:2001:bob,alice\nwheel:x:10:bob\n");
    }
}
