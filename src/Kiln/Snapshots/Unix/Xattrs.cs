using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Kiln.Snapshots.Unix;

/// <summary>Extended attributes of a path, never following a final symlink.</summary>
internal static class Xattrs
{
    public const string OverlayOpaque = "trusted.overlay.opaque";
    public const string OverlayPrefix = "trusted.overlay.";

    /// <summary>All attributes, sorted by name; empty where the filesystem has none or does not support them.</summary>
    public static unsafe ImmutableSortedDictionary<string, byte[]> List(string path)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, byte[]>(StringComparer.Ordinal);
        var size = LibC.LListXattr(path, null, 0);
        if (size <= 0)
        {
            return result.ToImmutable();
        }

        var names = new byte[size];
        fixed (byte* p = names)
        {
            size = LibC.LListXattr(path, p, (nuint)names.Length);
        }

        if (size < 0)
        {
            throw LibC.Error("llistxattr", path);
        }

        foreach (var name in Encoding.UTF8.GetString(names, 0, (int)size).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryGet(path, name) is { } value)
            {
                result[name] = value;
            }
        }

        return result.ToImmutable();
    }

    public static unsafe byte[]? TryGet(string path, string name)
    {
        var size = LibC.LGetXattr(path, name, null, 0);
        if (size < 0)
        {
            return Marshal.GetLastPInvokeError() is LibC.NoData or LibC.NotSupported ? null : throw LibC.Error($"lgetxattr {name}", path);
        }

        var value = new byte[size];
        fixed (byte* p = value)
        {
            size = LibC.LGetXattr(path, name, p, (nuint)value.Length);
        }

        return size < 0 ? throw LibC.Error($"lgetxattr {name}", path) : value.AsSpan(0, (int)size).ToArray();
    }

    public static unsafe void Set(string path, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
        {
            if (LibC.LSetXattr(path, name, p, (nuint)value.Length, 0) != 0)
            {
                throw LibC.Error($"lsetxattr {name}", path);
            }
        }
    }
}
