using Kiln.Graph;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// ADD of a git repository (<c>git@host:repo</c>, <c>git://</c>, <c>ssh://</c> or an http(s) URL ending in .git),
/// with BuildKit's <c>#ref:subdir</c> fragment.
/// </summary>
internal static class GitSource
{
    public static bool IsGit(string source)
    {
        var address = source.Split('#', 2)[0];
        return source.StartsWith("git@", StringComparison.Ordinal)
            || source.StartsWith("git://", StringComparison.Ordinal)
            || source.StartsWith("ssh://", StringComparison.Ordinal)
            || ((address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                && address.EndsWith(".git", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The source op for <paramref name="source"/>: remote, optional ref and subdirectory.</summary>
    public static GitSourceOp Op(string source, bool keepGitDirectory)
    {
        var parts = source.Split('#', 2);
        string? gitRef = null;
        string? subdir = null;
        if (parts.Length == 2)
        {
            var fragment = parts[1].Split(':', 2);
            gitRef = fragment[0].Length > 0 ? fragment[0] : null;
            subdir = fragment.Length == 2 && fragment[1].Length > 0 ? fragment[1] : null;
        }

        return new GitSourceOp(parts[0], gitRef) { KeepGitDirectory = keepGitDirectory, Subdirectory = subdir };
    }
}
