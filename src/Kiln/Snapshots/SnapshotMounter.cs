using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots;

/// <summary>
/// mount(2) and umount2(2) for snapshot mounts. Overlay option strings are limited to one page: when the absolute
/// lowerdir list is too long, each lower is opened (O_PATH) and named by its short <c>/proc/self/fd/N</c> path instead.
/// </summary>
internal static class SnapshotMounter
{
    /// <summary>The kernel copies at most one page of mount data, NUL included.</summary>
    public const int MaxOptionsLength = 4095;

    public static void Mount(SnapshotMount mount, string target)
    {
        ArgumentNullException.ThrowIfNull(mount);
        if (mount.Type == "bind")
        {
            Check(LibC.Mount(mount.Source, target, null, LibC.MountBind | LibC.MountRecursive, null), mount, target);
            if (mount.Options.Contains("ro"))
            {
                Check(LibC.Mount(null, target, null, LibC.MountBind | LibC.MountRemount | LibC.MountReadOnly, null), mount, target);
            }

            return;
        }

        var options = string.Join(',', mount.Options);
        if (options.Length <= MaxOptionsLength)
        {
            Check(LibC.Mount(mount.Source, target, mount.Type, 0, options), mount, target);
            return;
        }

        var descriptors = new List<int>();
        try
        {
            var shortened = mount.Options.Select(o => o.StartsWith("lowerdir=", StringComparison.Ordinal) ? "lowerdir=" + ShortLowers(o["lowerdir=".Length..], descriptors) : o);
            options = string.Join(',', shortened);
            if (options.Length > MaxOptionsLength)
            {
                throw new KilnException(
                    ErrorCodes.SnapshotChainTooDeep,
                    $"the snapshot chain of {descriptors.Count} layers does not fit one overlay mount ({options.Length} option bytes, at most {MaxOptionsLength})");
            }

            Check(LibC.Mount(mount.Source, target, mount.Type, 0, options), mount, target);
        }
        finally
        {
            foreach (var fd in descriptors)
            {
                _ = LibC.Close(fd);
            }
        }
    }

    /// <summary>Unmounts a target; a lazy detach is used only when the mount is busy.</summary>
    public static void Unmount(string target)
    {
        if (LibC.Unmount(target, 0) == 0)
        {
            return;
        }

        var error = LibC.Error("umount", target);
        if (error.HResult == 16 && LibC.Unmount(target, LibC.DetachUnmount) == 0)
        {
            return; // EBUSY: detach now, the kernel finishes when the last user goes
        }

        throw new KilnException(ErrorCodes.SnapshotUnmountFailed, $"cannot unmount {target}: {error.Message}", inner: error);
    }

    private static string ShortLowers(string lowers, List<int> descriptors)
    {
        var shortened = new List<string>();
        foreach (var lower in lowers.Split(':'))
        {
            var fd = LibC.Open(lower, LibC.OpenPath | LibC.OpenDirectory | LibC.OpenCloseOnExec);
            if (fd < 0)
            {
                var error = LibC.Error("open", lower);
                throw new KilnException(ErrorCodes.SnapshotMountFailed, $"cannot open lower directory {lower}: {error.Message}", inner: error);
            }

            descriptors.Add(fd);
            shortened.Add("/proc/self/fd/" + fd.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(':', shortened);
    }

    private static void Check(int result, SnapshotMount mount, string target)
    {
        if (result != 0)
        {
            var error = LibC.Error($"mount {mount.Type}", target);
            throw new KilnException(ErrorCodes.SnapshotMountFailed, $"cannot mount {mount.Type} {mount.Source} on {target}: {error.Message}", inner: error);
        }
    }
}
