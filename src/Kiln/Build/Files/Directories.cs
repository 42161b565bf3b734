using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>Creates missing directories (mode 0755) below a root, giving each new one the action's owner and time.</summary>
internal static class Directories
{
    /// <summary>Creates <paramref name="directory"/> and its missing parents; an existing non-directory on the way fails.</summary>
    public static void MakeAll(string root, string directory, FileUser? owner, DateTimeOffset? time, uint mode = 0x1ED)
    {
        var missing = new Stack<string>();
        var current = Path.TrimEndingDirectorySeparator(directory);
        var top = Path.TrimEndingDirectorySeparator(root);
        while (current.Length > top.Length)
        {
            if (FileStatus.TryGet(current) is { } status)
            {
                if (!status.IsDirectory && !(status.IsSymlink && Directory.Exists(current)))
                {
                    throw new KilnException(ErrorCodes.FileDestinationConflict, $"mkdir {current}: not a directory");
                }

                break;
            }

            missing.Push(current);
            current = Path.GetDirectoryName(current)!;
        }

        while (missing.TryPop(out var path))
        {
            Directory.CreateDirectory(path);
            FileOps.Chmod(path, mode);
            PathMetadata.ApplyCreated(path, owner, time);
        }
    }
}
