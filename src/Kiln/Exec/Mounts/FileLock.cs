using System.Runtime.InteropServices;

namespace Kiln.Exec.Mounts;

/// <summary>
/// An flock(2) lock on a file: shared or exclusive, held until disposed. Locks are per open file, so two
/// kiln processes (or two runs in one process) exclude each other the same way.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private int descriptor;

    private FileLock(int descriptor) => this.descriptor = descriptor;

    /// <summary>Takes the lock now, or returns null when another holder prevents it.</summary>
    public static FileLock? TryAcquire(string path, bool exclusive)
    {
        var fd = Native.Open(path, Native.OpenReadWrite | Native.OpenCreate | Native.OpenCloseOnExec, Convert.ToInt32("644", 8));
        if (fd < 0)
        {
            throw new IOException($"cannot open lock file {path}: errno {Marshal.GetLastPInvokeError()}");
        }

        var operation = (exclusive ? Native.LockExclusive : Native.LockShared) | Native.LockNonBlocking;
        if (Native.Flock(fd, operation) == 0)
        {
            return new FileLock(fd);
        }

        var errno = Marshal.GetLastPInvokeError();
        Native.Close(fd);
        return errno == Native.WouldBlock ? null : throw new IOException($"flock {path} failed: errno {errno}");
    }

    /// <summary>Waits (polling, so that cancellation is honoured) until the lock is granted.</summary>
    public static async Task<FileLock> AcquireAsync(string path, bool exclusive, CancellationToken cancellationToken)
    {
        while (true)
        {
            var acquired = TryAcquire(path, exclusive);
            if (acquired is not null)
            {
                return acquired;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref descriptor, -1);
        if (fd >= 0)
        {
            Native.Close(fd);
        }
    }
}
