using Kiln.Exec;
using Kiln.Exec.Mounts;

namespace Kiln.IntegrationTests.Exec;

/// <summary>Cache mounts: persistence, and the three sharing modes under concurrent steps (real runc).</summary>
public sealed class ExecutorCacheMountTests
{
    [Fact]
    public async Task CachePersistsAcrossStepsAndStaysOutOfTheRootfs()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var cache = new CacheMount("/var/cache/app") { Id = "persist" };
        await root.RunShellAsync("echo one > /var/cache/app/file", r => r with { Mounts = [cache] });
        var (stdout, _) = await root.RunShellAsync("cat /var/cache/app/file; stat -c '%u:%g %a' /var/cache/app", r => r with { Mounts = [cache] });
        Assert.Equal(["one", "0:0 755"], stdout);
        Assert.False(Directory.Exists(Path.Combine(root.Rootfs, "var")));
        var stored = Path.Combine(root.Options.CacheMountsRoot, CacheMountStore.HashId("persist"), "0", "file");
        Assert.Equal("one\n", File.ReadAllText(stored));
    }

    [Fact]
    public async Task NewCacheTakesModeOwnerAndSeedDirectory()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var seed = Directory.CreateDirectory(Path.Combine(root.Directory, "seed")).FullName;
        File.WriteAllText(Path.Combine(seed, "seeded"), "from source\n");
        var cache = new CacheMount("/c") { Id = "seeded", Uid = 1000, Gid = 1001, Mode = (UnixFileMode)Convert.ToInt32("750", 8), FromDirectory = seed };
        var (stdout, _) = await root.RunShellAsync("stat -c '%u:%g %a' /c; cat /c/seeded", r => r with { Mounts = [cache] });
        Assert.Equal(["1000:1001 750", "from source"], stdout);
    }

    [Fact]
    public async Task LockedCacheSerializesTwoConcurrentSteps()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var cache = new CacheMount("/cache") { Id = "locked", Sharing = CacheSharing.Locked };
        var second = await root.CopyRootfsAsync("rootfs2");
        const string Script = "echo start-$STEP >> /cache/log; for i in 1 2 3 4 5; do echo work-$STEP >> /cache/log; sleep 0.05; done; echo end-$STEP >> /cache/log";
        await Task.WhenAll(
            root.RunShellAsync(Script, r => r with { Mounts = [cache], Env = ["STEP=a"] }),
            root.RunShellAsync(Script, r => r with { Mounts = [cache], Env = ["STEP=b"], Rootfs = second }));
        var log = File.ReadAllLines(Path.Combine(root.Options.CacheMountsRoot, CacheMountStore.HashId("locked"), "0", "log"));
        Assert.Equal(14, log.Length);
        var first = log[0][^1];
        var other = first == 'a' ? 'b' : 'a';
        var expected = Block(first).Concat(Block(other));
        Assert.Equal(expected, log);
    }

    [Fact]
    public async Task SharedCacheIsUsedByTwoStepsAtOnce()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var cache = new CacheMount("/cache") { Id = "shared", Sharing = CacheSharing.Shared };

        var second = await root.CopyRootfsAsync("rootfs2");

        // Each step waits (bounded) for the other's file: both finish only if they held the cache together.
        const string Script = "touch /cache/$ME; n=0; until [ -e /cache/$OTHER ]; do n=$((n+1)); [ $n -gt 600 ] && exit 7; sleep 0.05; done; echo saw-$OTHER";
        var results = await Task.WhenAll(
            root.RunShellAsync(Script, r => r with { Mounts = [cache], Env = ["ME=a", "OTHER=b"] }),
            root.RunShellAsync(Script, r => r with { Mounts = [cache], Env = ["ME=b", "OTHER=a"], Rootfs = second }));
        Assert.Equal(["saw-b"], results[0].Stdout);
        Assert.Equal(["saw-a"], results[1].Stdout);
    }

    [Fact]
    public async Task PrivateCacheGivesABusyCachesSecondUserAnotherDirectory()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var cache = new CacheMount("/cache") { Id = "private", Sharing = CacheSharing.Private };
        var signal = new CacheMount("/signal") { Id = "signal" };
        var holderReady = new TaskCompletionSource();
        var holder = root.Executor.RunAsync(
            new ExecRequest
            {
                Rootfs = root.Rootfs,
                Args = ["/bin/sh", "-c", "touch /cache/holder; echo ready; n=0; until [ -e /signal/done ]; do n=$((n+1)); [ $n -gt 600 ] && exit 7; sleep 0.05; done"],
                Mounts = [cache, signal],
            },
            ExecSession.Default,
            line => holderReady.TrySetResult(),
            CancellationToken.None);
        await holderReady.Task;
        var secondRootfs = await root.CopyRootfsAsync("rootfs2");
        var (second, _) = await root.RunShellAsync("ls -A /cache | wc -l; touch /signal/done", r => r with { Mounts = [cache, signal], Rootfs = secondRootfs });
        await holder;
        Assert.Equal(["0"], second);
        var idDirectory = Path.Combine(root.Options.CacheMountsRoot, CacheMountStore.HashId("private"));
        Assert.True(File.Exists(Path.Combine(idDirectory, "0", "holder")));
        Assert.True(Directory.Exists(Path.Combine(idDirectory, "1")));
    }

    private static IEnumerable<string> Block(char step) =>
        new[] { $"start-{step}" }.Concat(Enumerable.Repeat($"work-{step}", 5)).Append($"end-{step}");
}
