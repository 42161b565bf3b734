namespace Kiln.Context;

/// <summary>What <c>lstat</c> says about one path: type and permission bits, owner, size, times and identity.</summary>
internal readonly record struct FileStat(
    uint Mode,
    uint Uid,
    uint Gid,
    long Size,
    long MtimeNs,
    long CtimeNs,
    ulong Inode,
    ulong Device)
{
    public const uint TypeMask = 0xF000;
    public const uint RegularType = 0x8000;
    public const uint DirectoryType = 0x4000;
    public const uint SymlinkType = 0xA000;

    public bool IsRegular => (Mode & TypeMask) == RegularType;

    public bool IsDirectory => (Mode & TypeMask) == DirectoryType;

    public bool IsSymlink => (Mode & TypeMask) == SymlinkType;

    /// <summary>Permission, setuid, setgid and sticky bits.</summary>
    public uint Permissions => Mode & 0xFFF;
}
