using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>
/// Resolves a path inside a root directory the way BuildKit's file ops do: every symlink met is followed within the
/// root (an absolute target starts again at the root, <c>..</c> never climbs above it), so no path escapes the root.
/// </summary>
internal static class ScopedPath
{
    private const int MaxLinks = 255;

    /// <summary>
    /// The host path of <paramref name="path"/> under <paramref name="root"/>; the last component's symlink is followed
    /// only with <paramref name="followLast"/>.
    /// </summary>
    public static string Resolve(string root, string path, bool followLast = true)
    {
        var pending = new LinkedList<string>(path.Split('/'));
        var resolved = new List<string>();
        var links = 0;
        while (pending.First is { } node)
        {
            pending.RemoveFirst();
            var part = node.Value;
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Join(root, resolved, part);
            var last = !pending.Any(p => p is not ("" or "."));
            if ((!last || followLast) && FileStatus.TryGet(candidate) is { IsSymlink: true })
            {
                if (++links > MaxLinks)
                {
                    throw new KilnException(ErrorCodes.FileActionFailed, $"{path}: too many levels of symbolic links");
                }

                var target = new FileInfo(candidate).LinkTarget ?? "";
                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }

                var pieces = target.Split('/');
                for (var i = pieces.Length - 1; i >= 0; i--)
                {
                    pending.AddFirst(pieces[i]);
                }

                continue;
            }

            resolved.Add(part);
        }

        return resolved.Count == 0 ? root : Path.Combine(root, string.Join('/', resolved));
    }

    /// <summary>
    /// BuildKit's cleaning of an op path: absolute and lexically clean, keeping a trailing <c>/</c> or <c>/.</c>
    /// (which mean "into this directory").
    /// </summary>
    public static string Clean(string path)
    {
        var cleaned = SlashPath.Clean("/" + path);
        if (path.EndsWith("/.", StringComparison.Ordinal))
        {
            return cleaned == "/" ? "/." : cleaned + "/.";
        }

        return path.EndsWith('/') && cleaned != "/" ? cleaned + "/" : cleaned;
    }

    /// <summary>The last element of a slash path (Go's <c>filepath.Base</c>).</summary>
    public static string Base(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }

        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static string Join(string root, List<string> resolved, string part) =>
        resolved.Count == 0 ? Path.Combine(root, part) : Path.Combine(root, string.Join('/', resolved), part);
}
