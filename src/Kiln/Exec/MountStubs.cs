using Kiln.Snapshots.Unix;

namespace Kiln.Exec;

/// <summary>
/// The empty files and directories the runtime creates in the rootfs as mount points (for /etc/hosts, a secret's
/// /run/secrets/id, a cache target...). Recorded before the run and removed after it when still empty, so they
/// never reach the step's diff; anything the step itself wrote there is kept. A rootfs must therefore not be
/// shared by concurrent steps (the snapshotter gives each step its own): removing a stub that is a mount point
/// in another running container detaches that mount.
/// </summary>
internal sealed class MountStubs
{
    private readonly List<string> created = [];

    private MountStubs()
    {
    }

    /// <summary>Notes, for each target, every path from its highest missing component down to the target itself.</summary>
    public static MountStubs Record(string rootfs, IEnumerable<string> targets)
    {
        var stubs = new MountStubs();
        foreach (var target in targets)
        {
            var parts = RootfsPath.Split(target).ToList();
            for (var depth = 1; depth <= parts.Count; depth++)
            {
                var prefix = "/" + string.Join('/', parts.Take(depth));
                var host = RootfsPath.Resolve(rootfs, prefix, followLast: false);
                if (!File.Exists(host) && !Directory.Exists(host) && new FileInfo(host).LinkTarget is null)
                {
                    for (var missing = depth; missing <= parts.Count; missing++)
                    {
                        stubs.created.Add(host + "/" + string.Join('/', parts.Skip(depth).Take(missing - depth)));
                    }

                    break;
                }
            }
        }

        return stubs;
    }

    public void Remove()
    {
        foreach (var path in created.Distinct().OrderByDescending(p => p.Length))
        {
            RemoveIfEmpty(path);
        }
    }

    /// <summary>
    /// Removes the stub when empty and puts its directory's timestamps back as they were just before (as BuildKit
    /// does), so the removal itself does not change a directory the step may have written in.
    /// </summary>
    private static void RemoveIfEmpty(string path)
    {
        path = path.TrimEnd('/');
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return;
        }

        var parent = Path.GetDirectoryName(path);
        var times = parent is null ? null : FileStatus.TryGet(parent);
        if (info.Exists)
        {
            if (info.Length != 0)
            {
                return;
            }

            info.Delete();
        }
        else if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
        {
            Directory.Delete(path);
        }
        else
        {
            return;
        }

        if (times is { } before)
        {
            FileOps.SetTimes(parent!, before.MtimeSeconds, before.MtimeNanoseconds);
        }
    }
}
