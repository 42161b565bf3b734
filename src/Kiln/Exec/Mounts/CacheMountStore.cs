using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Exec.Mounts;

/// <summary>
/// Cache mount directories under <c>$KILN_ROOT/cache-mounts/&lt;sha256 of id&gt;/</c>: <c>0</c> is the shared
/// directory, <c>1</c>, <c>2</c>... are private copies made when <c>0</c> was busy. Each directory has a lock
/// file beside it: shared users hold it shared, locked and private users exclusively.
/// </summary>
internal sealed class CacheMountStore(string root)
{
    public string Root { get; } = root;

    public static string HashId(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    public async Task<CacheLease> AcquireAsync(CacheMount mount, CancellationToken cancellationToken)
    {
        var idDirectory = Path.Combine(Root, HashId(mount.EffectiveId));
        Directory.CreateDirectory(idDirectory);
        FileLock fileLock;
        var index = 0;
        switch (mount.Sharing)
        {
            case CacheSharing.Shared:
                fileLock = await FileLock.AcquireAsync(LockPath(idDirectory, 0), exclusive: false, cancellationToken).ConfigureAwait(false);
                break;
            case CacheSharing.Locked:
                fileLock = await FileLock.AcquireAsync(LockPath(idDirectory, 0), exclusive: true, cancellationToken).ConfigureAwait(false);
                break;
            default:
                FileLock? free;
                while ((free = FileLock.TryAcquire(LockPath(idDirectory, index), exclusive: true)) is null)
                {
                    index++;
                }

                fileLock = free;
                break;
        }

        try
        {
            var directory = Path.Combine(idDirectory, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!Directory.Exists(directory))
            {
                // Shared users hold the directory's lock together: creation needs its own exclusive lock.
                using var creating = await FileLock.AcquireAsync(Path.Combine(idDirectory, "create.lock"), exclusive: true, cancellationToken)
                    .ConfigureAwait(false);
                if (!Directory.Exists(directory))
                {
                    await CreateAsync(directory, mount, cancellationToken).ConfigureAwait(false);
                }
            }

            return new CacheLease(directory, fileLock);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    private static string LockPath(string idDirectory, int index) =>
        Path.Combine(idDirectory, index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".lock");

    /// <summary>Builds the directory beside its final name and renames it, so a crash never leaves a half-seeded cache.</summary>
    private static async Task CreateAsync(string directory, CacheMount mount, CancellationToken cancellationToken)
    {
        var staging = directory + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            if (mount.FromDirectory is not null)
            {
                await CopyTreeAsync(mount.FromDirectory, staging, cancellationToken).ConfigureAwait(false);
            }

            Native.SetMode(staging, mount.Mode);
            Native.Chown(staging, mount.Uid, mount.Gid);
            Directory.Move(staging, directory);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Copies a tree with owners, modes, links and xattrs preserved (<c>cp -a</c>).</summary>
    public static async Task CopyTreeAsync(string source, string destination, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(source))
        {
            throw new KilnException(ErrorCodes.CacheMountFailed, $"cache mount source {source} is not a directory");
        }

        var start = new ProcessStartInfo("cp") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-a", "--", Path.Combine(source, "."), destination })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new KilnException(ErrorCodes.CacheMountFailed, $"copying {source} into a cache mount failed: {error.Trim()}");
        }
    }
}
