using System.Formats.Tar;
using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Creates one tar entry at an already resolved host path with its type, owner, mode, xattrs and mtime. Directory times
/// are set last (creating children would change them). Device nodes are skipped when not running as root.
/// </summary>
internal sealed class EntryWriter(SafeRoot root, WhiteoutMode mode)
{
    private const int CopyBufferSize = 1 << 20;
    private static readonly DateTimeOffset UnixEpoch = DateTimeOffset.UnixEpoch;
    private readonly List<(string Path, long Seconds, int Nanoseconds)> directoryTimes = [];

    public int SkippedDevices { get; private set; }

    /// <summary>Creates the entry; <paramref name="rawXattrs"/> are its xattrs as raw bytes when <see cref="PaxTap"/> had them.</summary>
    public async Task WriteAsync(string host, TarEntry entry, Dictionary<string, byte[]>? rawXattrs, CancellationToken cancellationToken)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                EnsureDirectory(host, null);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                FileOps.RemoveAll(host);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                var file = new FileStream(host, options);
                await using (file.ConfigureAwait(false))
                {
                    if (entry.DataStream is { } data)
                    {
                        await data.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
            case TarEntryType.SymbolicLink:
                if (entry.LinkName.Length == 0 || entry.LinkName.Contains('\0', StringComparison.Ordinal))
                {
                    throw root.Unsafe(entry.Name, "is a symlink without a valid target");
                }

                FileOps.RemoveAll(host);
                File.CreateSymbolicLink(host, entry.LinkName);
                break;
            case TarEntryType.HardLink:
                WriteHardLink(host, entry);
                return; // a hard link shares its target's inode and metadata
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                if (!FileOps.IsRoot)
                {
                    SkippedDevices++;
                    return;
                }

                FileOps.RemoveAll(host);
                var posix = (PosixTarEntry)entry;
                var type = entry.EntryType == TarEntryType.CharacterDevice ? LibC.ModeCharDevice : LibC.ModeBlockDevice;
                FileOps.MakeNode(host, type, 0, posix.DeviceMajor, posix.DeviceMinor);
                break;
            case TarEntryType.Fifo:
                FileOps.RemoveAll(host);
                FileOps.MakeNode(host, LibC.ModeFifo, 0, 0, 0);
                break;
            default:
                throw new KilnException(
                    ErrorCodes.LayerUnsupportedEntry,
                    $"layer {root.Layer}: entry \"{entry.Name}\" has the unsupported tar type {entry.EntryType}");
        }

        ApplyMetadata(host, entry, rawXattrs);
    }

    /// <summary>Creates the missing parents of a resolved relative path (in overlay mode, copying a lower directory's metadata).</summary>
    public void EnsureParents(string resolvedRelative)
    {
        for (var slash = resolvedRelative.IndexOf('/'); slash > 0; slash = resolvedRelative.IndexOf('/', slash + 1))
        {
            var relative = resolvedRelative[..slash];
            EnsureDirectory(Path.Combine(root.Root, relative), relative);
        }
    }

    /// <summary>Makes the path a directory, keeping an existing one; <paramref name="relative"/> names it for lower-layer lookups.</summary>
    public void EnsureDirectory(string host, string? relative)
    {
        var status = FileStatus.TryGet(host);
        if (status is { IsDirectory: true })
        {
            return;
        }

        var hidLower = status is { IsWhiteout: true };
        if (status is not null)
        {
            FileOps.RemoveAll(host);
        }

        Directory.CreateDirectory(host);
        if (mode != WhiteoutMode.Overlay || relative is null)
        {
            return;
        }

        if (hidLower)
        {
            Xattrs.Set(host, Xattrs.OverlayOpaque, "y"u8); // a directory recreated over a whiteout must not show the old one
        }
        else if (root.LookupLower(relative) is { } lower && lower.Status.IsDirectory)
        {
            CopyMetadata(lower.HostPath, lower.Status, host);
        }
    }

    public void ApplyMetadata(string host, TarEntry entry, Dictionary<string, byte[]>? rawXattrs)
    {
        if (FileOps.IsRoot)
        {
            FileOps.Chown(host, entry.Uid, entry.Gid);
        }

        if (entry is PaxTarEntry pax)
        {
            var xattrs = TarXattrs.Read(pax.ExtendedAttributes)
                .Where(x => rawXattrs is null || !rawXattrs.ContainsKey(x.Name))
                .Concat((rawXattrs ?? []).Select(x => (Name: x.Key, x.Value)));
            foreach (var (name, value) in xattrs)
            {
                if (!name.StartsWith(Xattrs.OverlayPrefix, StringComparison.Ordinal))
                {
                    SetXattr(host, name, value);
                }
            }
        }

        if (entry.EntryType != TarEntryType.SymbolicLink)
        {
            FileOps.Chmod(host, (uint)entry.Mode);
        }

        var ticks = (entry.ModificationTime - UnixEpoch).Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        if (entry.EntryType == TarEntryType.Directory)
        {
            directoryTimes.Add((host, seconds, (int)(remainder * 100)));
        }
        else
        {
            FileOps.SetTimes(host, seconds, (int)(remainder * 100));
        }
    }

    /// <summary>Sets the recorded directory mtimes, deepest last-written first, once every entry is in place.</summary>
    public void FinishDirectoryTimes()
    {
        for (var i = directoryTimes.Count - 1; i >= 0; i--)
        {
            var (path, seconds, nanoseconds) = directoryTimes[i];
            if (FileStatus.TryGet(path) is { IsDirectory: true })
            {
                FileOps.SetTimes(path, seconds, nanoseconds);
            }
        }
    }

    private void WriteHardLink(string host, TarEntry entry)
    {
        if (entry.LinkName.StartsWith('/'))
        {
            throw root.Unsafe(entry.Name, $"is a hard link to the absolute path \"{entry.LinkName}\"");
        }

        var (target, targetRelative) = root.Resolve(root.Clean(entry.LinkName), entry.Name);
        var status = FileStatus.TryGet(target);
        if (status is null && mode == WhiteoutMode.Overlay && root.Lookup(targetRelative) is { } lower)
        {
            // The target lives in a lower layer: copy it up so the link can share an inode in this layer.
            EnsureParents(targetRelative);
            CopyUp(lower.HostPath, lower.Status, target);
            status = FileStatus.TryGet(target);
        }

        if (status is null || status.Value.IsWhiteout)
        {
            throw new KilnException(
                ErrorCodes.LayerApplyFailed,
                $"layer {root.Layer}: entry \"{entry.Name}\" is a hard link to \"{entry.LinkName}\", which does not exist");
        }

        if (status.Value.IsDirectory)
        {
            throw root.Unsafe(entry.Name, $"is a hard link to the directory \"{entry.LinkName}\"");
        }

        if (target == host)
        {
            return;
        }

        FileOps.RemoveAll(host);
        FileOps.HardLink(target, host);
    }

    private static void CopyUp(string lowerPath, FileStatus status, string upperPath)
    {
        if (status.IsRegular)
        {
            File.Copy(lowerPath, upperPath);
        }
        else if (status.IsSymlink)
        {
            File.CreateSymbolicLink(upperPath, new FileInfo(lowerPath).LinkTarget!);
        }
        else
        {
            FileOps.MakeNode(upperPath, status.FileType, 0, status.DeviceMajor, status.DeviceMinor);
        }

        CopyMetadata(lowerPath, status, upperPath);
    }

    private static void CopyMetadata(string source, FileStatus status, string target)
    {
        if (FileOps.IsRoot)
        {
            FileOps.Chown(target, status.Uid, status.Gid);
        }

        foreach (var (name, value) in Xattrs.List(source))
        {
            if (!name.StartsWith(Xattrs.OverlayPrefix, StringComparison.Ordinal))
            {
                SetXattr(target, name, value);
            }
        }

        if (!status.IsSymlink)
        {
            FileOps.Chmod(target, status.Permissions);
        }

        FileOps.SetTimes(target, status.MtimeSeconds, status.MtimeNanoseconds);
    }

    private static void SetXattr(string host, string name, byte[] value)
    {
        try
        {
            Xattrs.Set(host, name, value);
        }
        catch (IOException ex) when (!FileOps.IsRoot || ex.HResult == LibC.NotSupported)
        {
            // Without privileges, or on a filesystem without that namespace, the attribute cannot be kept.
        }
    }
}
