using System.Security.Cryptography;
using Kiln.Snapshots.Unix;

namespace Kiln.Tests.Snapshots;

/// <summary>A directory tree as sorted text lines (path, type, mode, owner, size, link target, content hash) for comparisons.</summary>
internal static class TreeListing
{
    public static List<string> Of(string root, bool withTimes = false)
    {
        var lines = new List<string>();
        Walk(root, "", lines, withTimes);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void Walk(string host, string relative, List<string> lines, bool withTimes)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(host))
        {
            var name = Path.GetFileName(child);
            var path = relative.Length == 0 ? name : $"{relative}/{name}";
            var status = FileStatus.Get(child);
            var detail = status.IsRegular ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(child)))
                : status.IsSymlink ? "-> " + new FileInfo(child).LinkTarget
                : status.IsDirectory ? "" : $"dev {status.DeviceMajor},{status.DeviceMinor}";
            var time = withTimes && !status.IsDirectory && !status.IsSymlink ? $" t={status.MtimeSeconds}" : "";
            lines.Add($"{path} {status.FileType:x} {Convert.ToString(status.Permissions, 8)} {status.Uid}:{status.Gid} {(status.IsRegular ? status.Size : 0)}{time} {detail}");
            if (status.IsDirectory)
            {
                Walk(child, path, lines, withTimes);
            }
        }
    }
}
