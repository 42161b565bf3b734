using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>
/// Copies one source path into a destination root with BuildKit's copy rules: the destination's parent (or the
/// destination itself when it ends in <c>/</c>) is created; a file copied onto an existing directory lands inside it, as
/// does a directory unless its contents are copied; below the top, existing directories take the source's metadata,
/// files replace files and hard links among the copied files are kept.
/// </summary>
internal sealed class TreeCopier(CopyOptions options, CancellationToken cancellationToken = default)
{
    private readonly Dictionary<(ulong Device, ulong Inode), string> links = [];

    /// <summary>Copies <paramref name="source"/> (inside <paramref name="sourceRoot"/>) to <paramref name="destination"/> (inside <paramref name="destinationRoot"/>).</summary>
    public void Copy(string sourceRoot, string source, string destinationRoot, string destination)
    {
        var slash = destination.LastIndexOf('/');
        var file = destination[(slash + 1)..];
        var ensure = file is "" or "." ? destination : destination[..(slash + 1)];
        if (ensure.Length > 0)
        {
            Directories.MakeAll(destinationRoot, ScopedPath.Resolve(destinationRoot, ensure), options.Owner, options.Timestamp);
        }

        var followed = ScopedPath.Resolve(sourceRoot, source, options.FollowLinks);
        var status = FileStatus.TryGet(followed)
            ?? throw new KilnException(ErrorCodes.CopySourceNotFound, $"\"{source}\": not found");
        var target = ScopedPath.Resolve(destinationRoot, SlashPath.Clean("/" + destination));
        target = PrepareTarget(destinationRoot, status, source, target);
        CopyEntry(followed, status, "", target, overwriteMetadata: false, IgnoreMatchState.None, IgnoreMatchState.None);
    }

    private string PrepareTarget(string destinationRoot, FileStatus source, string sourcePath, string target)
    {
        var existing = FileStatus.TryGet(target);
        if ((!options.CopyDirectoryContents && source.IsDirectory && existing is not null)
            || (!source.IsDirectory && existing is { IsDirectory: true }))
        {
            var name = ScopedPath.Base(sourcePath);
            target = name == "/" ? target : Path.Combine(target, name);
        }

        var directory = source.IsDirectory && !options.CopyDirectoryContents ? target : Path.GetDirectoryName(target)!;
        Directories.MakeAll(destinationRoot, directory, options.Owner, options.Timestamp);
        return target;
    }

    private void CopyEntry(string source, FileStatus status, string relative, string target, bool overwriteMetadata, IgnoreMatchState includeState, IgnoreMatchState excludeState)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var include = true;
        var excluded = false;
        if (relative.Length > 0)
        {
            if (options.Include is { } includes)
            {
                include = includes.IsExcluded(relative, includeState, out includeState);
            }

            if (options.Exclude is { } excludes && excludes.IsExcluded(relative, excludeState, out excludeState))
            {
                include = false;
                excluded = true;
            }
        }

        if (include && relative.Contains('/') && (options.Include is not null || options.Exclude is not null))
        {
            CreateParents(source, relative, target);
        }

        if (!status.IsDirectory)
        {
            if (!include)
            {
                return;
            }

            EnsureEmptyFileTarget(target);
        }

        var copyInfo = include;
        if (status.IsDirectory)
        {
            if (excluded && options.Exclude is { HasExceptions: false })
            {
                return;
            }

            // The top directory, when it already existed, keeps its metadata and (after the copy into it) its time.
            var before = overwriteMetadata ? null : FileStatus.TryGet(target);
            var created = CopyDirectory(source, relative, target, overwriteMetadata, include, includeState, excludeState);
            if (!overwriteMetadata)
            {
                copyInfo = include && created;
                if (!created && before is { IsDirectory: true } kept)
                {
                    FileOps.SetTimes(target, kept.MtimeSeconds, kept.MtimeNanoseconds);
                }
            }
        }
        else if (status.IsRegular)
        {
            CopyFile(source, status, target);
        }
        else if (status.IsSymlink)
        {
            File.CreateSymbolicLink(target, new FileInfo(source).LinkTarget ?? "");
        }
        else
        {
            FileOps.MakeNode(target, status.FileType, status.Permissions, status.DeviceMajor, status.DeviceMinor);
        }

        if (copyInfo)
        {
            // BuildKit's --chmod applies to what is copied, not to the destination directory a contents copy creates.
            var top = relative.Length == 0 && status.IsDirectory && options.CopyDirectoryContents;
            PathMetadata.CopyFrom(source, status, target, top ? options with { Mode = null } : options);
        }
    }

    private bool CopyDirectory(string source, string relative, string target, bool overwriteMetadata, bool include, IgnoreMatchState includeState, IgnoreMatchState excludeState)
    {
        var created = false;
        if (include)
        {
            var existing = FileStatus.TryGet(target);
            if (existing is null)
            {
                Directory.CreateDirectory(target);
                created = true;
            }
            else if (!existing.Value.IsDirectory)
            {
                throw new KilnException(ErrorCodes.FileDestinationConflict, $"cannot copy to non-directory: {target}");
            }
        }

        var names = Directory.EnumerateFileSystemEntries(source).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var child = Path.Combine(source, name);
            var childStatus = FileStatus.Get(child);
            var childRelative = relative.Length == 0 ? name : relative + "/" + name;
            CopyEntry(child, childStatus, childRelative, Path.Combine(target, name), overwriteMetadata: true, includeState, excludeState);
        }

        return created;
    }

    private void CopyFile(string source, FileStatus status, string target)
    {
        if (status.LinkCount > 1)
        {
            var key = (status.Device, status.Inode);
            if (links.TryGetValue(key, out var first))
            {
                FileOps.HardLink(first, target);
                return;
            }

            links[key] = target;
        }

        File.Copy(source, target, overwrite: false);
    }

    // With path filters a directory that is not itself selected appears only around what is, with its source's metadata.
    private void CreateParents(string source, string relative, string target)
    {
        var depth = relative.Count(c => c == '/');
        for (var level = depth; level >= 1; level--)
        {
            var sourceDirectory = source;
            var targetDirectory = target;
            for (var i = 0; i < level; i++)
            {
                sourceDirectory = Path.GetDirectoryName(sourceDirectory)!;
                targetDirectory = Path.GetDirectoryName(targetDirectory)!;
            }

            if (FileStatus.TryGet(targetDirectory) is null)
            {
                Directory.CreateDirectory(targetDirectory);
                PathMetadata.CopyFrom(sourceDirectory, FileStatus.Get(sourceDirectory), targetDirectory, options);
            }
        }
    }

    private static void EnsureEmptyFileTarget(string target)
    {
        if (FileStatus.TryGet(target) is not { } existing)
        {
            return;
        }

        if (existing.IsDirectory)
        {
            throw new KilnException(ErrorCodes.FileDestinationConflict, $"cannot replace to directory {target} with file");
        }

        File.Delete(target);
    }
}
