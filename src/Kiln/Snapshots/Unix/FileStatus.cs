namespace Kiln.Snapshots.Unix;

/// <summary>What lstat says about one path (read through statx, whose layout is the same on every architecture).</summary>
internal readonly record struct FileStatus(
    uint Mode,
    int Uid,
    int Gid,
    long Size,
    ulong Inode,
    ulong Device,
    uint LinkCount,
    long MtimeSeconds,
    int MtimeNanoseconds,
    uint DeviceMajor,
    uint DeviceMinor)
{
    public const uint TypeMask = 0xf000;
    public const uint TypeRegular = 0x8000;
    public const uint TypeDirectory = 0x4000;
    public const uint TypeSymlink = 0xa000;

    public uint FileType => Mode & TypeMask;

    public uint Permissions => Mode & 0xfff;

    public bool IsDirectory => FileType == TypeDirectory;

    public bool IsRegular => FileType == TypeRegular;

    public bool IsSymlink => FileType == TypeSymlink;

    public bool IsCharDevice => FileType == LibC.ModeCharDevice;

    /// <summary>An overlayfs whiteout: a character device 0/0.</summary>
    public bool IsWhiteout => IsCharDevice && DeviceMajor == 0 && DeviceMinor == 0;

    /// <summary>lstat(2): null when the path does not exist.</summary>
    public static unsafe FileStatus? TryGet(string path)
    {
        var buffer = stackalloc byte[256];
        if (LibC.Statx(LibC.AtFdCwd, path, LibC.AtSymlinkNoFollow, LibC.StatxBasicStats, buffer) != 0)
        {
            var error = LibC.Error("statx", path);
            if (error.HResult is 2 or 20)
            {
                return null; // ENOENT, ENOTDIR
            }

            throw error;
        }

        return new FileStatus(
            Mode: *(ushort*)(buffer + 28),
            Uid: *(int*)(buffer + 20),
            Gid: *(int*)(buffer + 24),
            Size: *(long*)(buffer + 40),
            Inode: *(ulong*)(buffer + 32),
            Device: ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140),
            LinkCount: *(uint*)(buffer + 16),
            MtimeSeconds: *(long*)(buffer + 112),
            MtimeNanoseconds: *(int*)(buffer + 120),
            DeviceMajor: *(uint*)(buffer + 128),
            DeviceMinor: *(uint*)(buffer + 132));
    }

    public static FileStatus Get(string path) =>
        TryGet(path) ?? throw new FileNotFoundException($"no such file: {path}", path);
}
