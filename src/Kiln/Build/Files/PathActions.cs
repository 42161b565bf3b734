using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>The file actions that need no source input (mkdir, mkfile, rm, symlink), with BuildKit's semantics.</summary>
internal static class PathActions
{
    /// <summary>Creates a directory; an existing one is left as it is (owner, mode and time included).</summary>
    public static void Mkdir(string root, MkdirAction action, FileUser? owner)
    {
        var path = ScopedPath.Resolve(root, ScopedPath.Clean(action.Path));
        var mode = (uint)action.Mode & 0x1FF;
        if (action.MakeParents)
        {
            Directories.MakeAll(root, path, owner, action.Timestamp, mode);
            return;
        }

        if (FileStatus.TryGet(path) is not null)
        {
            return;
        }

        if (FileStatus.TryGet(Path.GetDirectoryName(path)!) is not { IsDirectory: true })
        {
            throw new KilnException(ErrorCodes.FilePathNotFound, $"mkdir {action.Path}: no such file or directory");
        }

        Directory.CreateDirectory(path);
        FileOps.Chmod(path, mode);
        PathMetadata.ApplyCreated(path, owner, action.Timestamp);
    }

    /// <summary>Writes a file; an existing file is truncated and keeps its mode, as with Go's os.WriteFile.</summary>
    public static void Mkfile(string root, MkfileAction action, FileUser? owner)
    {
        var path = ScopedPath.Resolve(root, ScopedPath.Clean(action.Path));
        if (FileStatus.TryGet(Path.GetDirectoryName(path)!) is not { IsDirectory: true })
        {
            throw new KilnException(ErrorCodes.FilePathNotFound, $"open {action.Path}: no such file or directory");
        }

        var existed = FileStatus.TryGet(path) is not null;
        File.WriteAllBytes(path, action.Data.IsDefault ? [] : action.Data.AsSpan());
        if (!existed)
        {
            FileOps.Chmod(path, (uint)action.Mode & 0x1FF);
        }

        PathMetadata.ApplyCreated(path, owner, action.Timestamp);
    }

    /// <summary>Removes a path (with wildcards: every match); a missing path fails unless allowed.</summary>
    public static void Rm(string root, RmAction action)
    {
        var paths = action.AllowWildcard ? Wildcards.Resolve(root, ScopedPath.Clean(action.Path), followLinks: false) : [action.Path];
        foreach (var path in paths)
        {
            var cleaned = ScopedPath.Clean(path).TrimEnd('/');
            var slash = cleaned.LastIndexOf('/');
            var name = cleaned[(slash + 1)..];
            if (name.Length == 0)
            {
                throw new KilnException(ErrorCodes.FileActionFailed, $"rm {action.Path}: invalid empty path");
            }

            var host = Path.Combine(ScopedPath.Resolve(root, cleaned[..(slash + 1)]), name);
            if (FileStatus.TryGet(host) is null)
            {
                if (action.AllowNotFound || action.AllowWildcard)
                {
                    continue;
                }

                throw new KilnException(ErrorCodes.FilePathNotFound, $"remove {cleaned}: no such file or directory");
            }

            FileOps.RemoveAll(host);
        }
    }

    /// <summary>Creates a symbolic link (the target is stored as given).</summary>
    public static void Symlink(string root, SymlinkAction action, FileUser? owner)
    {
        var path = ScopedPath.Resolve(root, ScopedPath.Clean(action.LinkPath));
        if (FileStatus.TryGet(path) is not null)
        {
            throw new KilnException(ErrorCodes.FileDestinationConflict, $"symlink {action.Target} {action.LinkPath}: file exists");
        }

        if (FileStatus.TryGet(Path.GetDirectoryName(path)!) is not { IsDirectory: true })
        {
            throw new KilnException(ErrorCodes.FilePathNotFound, $"symlink {action.Target} {action.LinkPath}: no such file or directory");
        }

        File.CreateSymbolicLink(path, action.Target);
        PathMetadata.ApplyCreated(path, owner, action.Timestamp);
    }
}
