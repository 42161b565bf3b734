using Kiln.Exec.Mounts;

namespace Kiln.Tests.Exec;

public sealed class FileLockTests
{
    [Fact]
    public void ExclusiveExcludesEveryoneAndSharedOnlyExclusive()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "0.lock");
        using (var exclusive = FileLock.TryAcquire(path, exclusive: true))
        {
            Assert.NotNull(exclusive);
            Assert.Null(FileLock.TryAcquire(path, exclusive: true));
            Assert.Null(FileLock.TryAcquire(path, exclusive: false));
        }

        using var shared1 = FileLock.TryAcquire(path, exclusive: false);
        using var shared2 = FileLock.TryAcquire(path, exclusive: false);
        Assert.NotNull(shared1);
        Assert.NotNull(shared2);
        Assert.Null(FileLock.TryAcquire(path, exclusive: true));
    }

    [Fact]
    public async Task WaitingForALockHonoursCancellation()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "0.lock");
        using var held = FileLock.TryAcquire(path, exclusive: true);
        using var cancellation = new CancellationTokenSource();
        var waiting = FileLock.AcquireAsync(path, exclusive: true, cancellation.Token);
        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task AWaiterGetsTheLockWhenItIsReleased()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "0.lock");
        var held = FileLock.TryAcquire(path, exclusive: true);
        var waiting = FileLock.AcquireAsync(path, exclusive: true, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        held!.Dispose();
        using var acquired = await waiting;
        Assert.Null(FileLock.TryAcquire(path, exclusive: false));
    }
}
