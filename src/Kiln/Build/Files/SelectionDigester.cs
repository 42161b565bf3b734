using System.Security.Cryptography;
using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Build.Files;

/// <summary>
/// The content digest of what a selection reads from a directory tree: for every selected path (wildcards expanded,
/// a symlink named by the path followed when asked), every entry beneath it that the include and exclude patterns
/// keep, with its name, type, permission bits, owner, file content or symlink target. Times never count. A path
/// without wildcards that does not exist fails as BuildKit's checksum does: <c>"/path": not found</c>.
/// </summary>
internal static class SelectionDigester
{
    public static Digest Compute(string root, InputSelection selection, CancellationToken cancellationToken)
    {
        using var writer = new SelectionHashWriter("");
        var index = 0;
        foreach (var selector in selection.Paths.OrEmpty())
        {
            var path = ScopedPath.Clean(selector.Path);
            var wildcard = selector.AllowWildcard && GoGlob.HasWildcards(path);
            var matches = wildcard ? Wildcards.Resolve(root, path, selector.FollowSymlinks) : [path];
            var include = CopyActionApplier.Matcher(selector.IncludePatterns);
            var exclude = CopyActionApplier.Matcher(selector.ExcludePatterns);
            foreach (var match in matches)
            {
                var host = ScopedPath.Resolve(root, match, selector.FollowSymlinks);
                if (!NativeStat.TryLstat(host, out var stat))
                {
                    throw new KilnException(ErrorCodes.CopySourceNotFound, $"\"{match}\": not found");
                }

                var prefix = $"{index}:{match}:";
                Walk(writer, host, stat, prefix, "", include, exclude, IgnoreMatchState.None, IgnoreMatchState.None, cancellationToken);
            }

            index++;
        }

        return writer.Finish();
    }

    private static void Walk(
        SelectionHashWriter writer,
        string host,
        FileStat stat,
        string prefix,
        string relative,
        IgnoreMatcher? include,
        IgnoreMatcher? exclude,
        IgnoreMatchState includeState,
        IgnoreMatchState excludeState,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var selected = true;
        if (relative.Length > 0)
        {
            if (include is not null)
            {
                selected = include.IsExcluded(relative, includeState, out includeState);
            }

            if (exclude is not null && exclude.IsExcluded(relative, excludeState, out excludeState))
            {
                if (stat.IsDirectory && !exclude.HasExceptions)
                {
                    return;
                }

                selected = false;
            }
        }

        if (selected)
        {
            var kind = ContextEntry.KindOf(stat);
            var entry = new ContextEntry(
                relative,
                kind,
                stat,
                kind == ContextEntryKind.Symlink ? new FileInfo(host).LinkTarget : null,
                kind == ContextEntryKind.File ? HashFile(host) : null);
            writer.Write(prefix + relative, entry);
        }

        if (!stat.IsDirectory)
        {
            return;
        }

        var names = Directory.EnumerateFileSystemEntries(host).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var child = Path.Combine(host, name);
            Walk(writer, child, NativeStat.Lstat(child), prefix, relative.Length == 0 ? name : relative + "/" + name, include, exclude, includeState, excludeState, cancellationToken);
        }
    }

    private static Sha256Value HashFile(string path)
    {
        using var file = File.OpenRead(path);
        return Sha256Value.Read(SHA256.HashData(file));
    }
}
