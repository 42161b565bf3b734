using Kiln.Snapshots.Unix;

namespace Kiln.IntegrationTests.Build;

/// <summary>Assertions on one path's lstat: type, permission bits, owner, content and link target.</summary>
internal static class FileInfoAssert
{
    public static FileStatus File(string path, int mode, int uid, int gid, string? content = null)
    {
        var status = FileStatus.TryGet(path) ?? throw new Xunit.Sdk.XunitException($"{path} does not exist");
        Assert.True(status.IsRegular, $"{path} is not a regular file");
        Assert.Equal(Convert.ToString(mode, 8), Convert.ToString(status.Permissions, 8));
        Assert.Equal((uid, gid), (status.Uid, status.Gid));
        if (content is not null)
        {
            Assert.Equal(content, System.IO.File.ReadAllText(path));
        }

        return status;
    }

    public static FileStatus Directory(string path, int mode, int uid, int gid)
    {
        var status = FileStatus.TryGet(path) ?? throw new Xunit.Sdk.XunitException($"{path} does not exist");
        Assert.True(status.IsDirectory, $"{path} is not a directory");
        Assert.Equal(Convert.ToString(mode, 8), Convert.ToString(status.Permissions, 8));
        Assert.Equal((uid, gid), (status.Uid, status.Gid));
        return status;
    }

    public static void Symlink(string path, string target, int uid = 0, int gid = 0)
    {
        var status = FileStatus.TryGet(path) ?? throw new Xunit.Sdk.XunitException($"{path} does not exist");
        Assert.True(status.IsSymlink, $"{path} is not a symlink");
        Assert.Equal(target, new FileInfo(path).LinkTarget);
        Assert.Equal((uid, gid), (status.Uid, status.Gid));
    }

    public static void Missing(string path) => Assert.Null(FileStatus.TryGet(path));
}
