using Kiln.Diagnostics;

namespace Kiln.Exec;

/// <summary>
/// Maps a path inside a container to the host path under its rootfs, following symlinks as the container
/// would see them: absolute link targets restart at the rootfs and <c>..</c> never climbs above it.
/// </summary>
internal static class RootfsPath
{
    private const int MaxLinks = 255;

    /// <summary>Resolves every component, the last one included when <paramref name="followLast"/> is set.</summary>
    public static string Resolve(string rootfs, string containerPath, bool followLast = true)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootfs));
        var pending = new Stack<string>(Split(containerPath).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Join(root, resolved, part);
            var isLast = pending.Count == 0;
            var target = (isLast && !followLast) ? null : new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new KilnException(ErrorCodes.PathEscapesRoot, $"too many levels of symbolic links resolving {containerPath}");
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var next in Split(target).Reverse())
            {
                pending.Push(next);
            }
        }

        return resolved.Count == 0 ? root : root + "/" + string.Join('/', resolved);
    }

    /// <summary>The container-relative components of <paramref name="path"/>, without empty parts or <c>.</c>.</summary>
    public static IEnumerable<string> Split(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");

    private static string Join(string root, List<string> parents, string last) =>
        parents.Count == 0 ? root + "/" + last : root + "/" + string.Join('/', parents) + "/" + last;
}
