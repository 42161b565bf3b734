namespace Kiln.Context;

/// <summary>A file identity as the stat cache keeps it, with the digest of the content it had.</summary>
internal readonly record struct StatCacheRecord(long Size, long MtimeNs, long CtimeNs, ulong Inode, uint Mode, Sha256Value Hash)
{
    public static StatCacheRecord From(FileStat stat, Sha256Value hash) =>
        new(stat.Size, stat.MtimeNs, stat.CtimeNs, stat.Inode, stat.Mode, hash);

    /// <summary>True when <paramref name="stat"/> describes the same unchanged file.</summary>
    public bool Matches(FileStat stat) =>
        stat.Size == Size && stat.MtimeNs == MtimeNs && stat.CtimeNs == CtimeNs && stat.Inode == Inode && stat.Mode == Mode;
}
