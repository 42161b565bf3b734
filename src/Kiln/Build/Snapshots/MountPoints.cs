using Kiln.Content;

namespace Kiln.Build.Snapshots;

/// <summary>Empty directories to mount snapshots on, under <c>$KILN_ROOT/mnt/</c>.</summary>
internal static class MountPoints
{
    public static string Create(KilnPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var directory = Path.Combine(paths.Root, "mnt", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Removes an (unmounted, empty) mount point; a leftover is harmless and not an error.</summary>
    public static void Remove(string directory)
    {
        try
        {
            Directory.Delete(directory);
        }
        catch (IOException)
        {
        }
    }
}
