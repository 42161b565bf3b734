namespace Kiln.Build.Files;

/// <summary>
/// Expands a source path with wildcards the way BuildKit does: the components before the first one with a
/// wildcard name a directory (symlinks followed within the root), and the rest is matched against every path
/// beneath it of the same depth, in lexical order; a matched directory is not searched further.
/// </summary>
internal static class Wildcards
{
    /// <summary>The matching paths (absolute inside the root), or the path itself when it has no wildcard.</summary>
    public static List<string> Resolve(string root, string path, bool followLinks)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var split = Array.FindIndex(parts, GoGlob.HasWildcards);
        if (split < 0)
        {
            return [path];
        }

        var prefix = "/" + string.Join('/', parts[..split]);
        var pattern = string.Join('/', parts[split..]);
        var basePath = ScopedPath.Resolve(root, prefix, followLinks);
        var matches = new List<string>();
        if (Directory.Exists(basePath))
        {
            Walk(basePath, "", pattern, pattern.Count(c => c == '/') + 1, matches);
        }

        return [.. matches.Select(m => prefix == "/" ? "/" + m : prefix + "/" + m)];
    }

    private static void Walk(string directory, string relative, string pattern, int depth, List<string> matches)
    {
        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = relative.Length == 0 ? name : relative + "/" + name;
            var host = Path.Combine(directory, name);
            var isDirectory = Kiln.Snapshots.Unix.FileStatus.TryGet(host) is { IsDirectory: true };
            if (GoGlob.Match(pattern, path))
            {
                matches.Add(path);
                continue;
            }

            if (isDirectory && path.Count(c => c == '/') + 1 < depth)
            {
                Walk(host, path, pattern, depth, matches);
            }
        }
    }
}
