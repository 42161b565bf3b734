using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// The filesystem an image's layers produce when applied in order: whiteouts (<c>.wh.NAME</c>) delete a lower path and
/// everything under it, an opaque marker (<c>.wh..wh..opq</c>) empties a lower directory, a non-directory replaces a
/// lower directory, hard links take the content of their target.
/// </summary>
internal static class ImageFilesystem
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    public static ImmutableArray<FileEntry> Apply(IEnumerable<ArchiveLayer> layers)
    {
        var state = new SortedDictionary<string, FileEntry>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var entries = ReadLayer(layer);
            foreach (var (path, _) in entries.Where(e => IsWhiteout(e.Path)))
            {
                var (dir, name) = Split(path);
                if (name == OpaqueMarker)
                {
                    RemoveUnder(state, dir);
                }
                else
                {
                    Remove(state, Join(dir, name[WhiteoutPrefix.Length..]));
                }
            }

            foreach (var (path, entry) in entries.Where(e => !IsWhiteout(e.Path)))
            {
                if (entry.Type != "dir")
                {
                    RemoveUnder(state, path);
                }

                state[path] = entry.Type == "hardlink" && state.TryGetValue(entry.Link!, out var target)
                    ? target with { Path = path }
                    : entry;
            }
        }

        return [.. state.Values];
    }

    private static List<(string Path, FileEntry Entry)> ReadLayer(ArchiveLayer layer)
    {
        var entries = new List<(string, FileEntry)>();
        using var tar = new TarReader(Decompress(layer));
        while (tar.GetNextEntry() is { } e)
        {
            var path = Normalize(e.Name);
            if (path.Length == 0)
            {
                continue;
            }

            var (uid, gid) = e is PosixTarEntry p ? (p.Uid, p.Gid) : (0, 0);
            var mode = (int)e.Mode;
            var entry = e.EntryType switch
            {
                TarEntryType.Directory => new FileEntry(path, "dir", mode, uid, gid, 0, null, null),
                TarEntryType.SymbolicLink => new FileEntry(path, "symlink", mode, uid, gid, 0, null, e.LinkName),
                TarEntryType.HardLink => new FileEntry(path, "hardlink", mode, uid, gid, 0, null, Normalize(e.LinkName)),
                TarEntryType.CharacterDevice or TarEntryType.BlockDevice => new FileEntry(
                    path, e.EntryType == TarEntryType.CharacterDevice ? "char" : "block", mode, uid, gid, 0, null,
                    e is PosixTarEntry d ? $"{d.DeviceMajor},{d.DeviceMinor}" : null),
                TarEntryType.Fifo => new FileEntry(path, "fifo", mode, uid, gid, 0, null, null),
                _ => RegularFile(path, mode, uid, gid, e.DataStream),
            };
            entries.Add((path, entry));
        }

        return entries;
    }

    private static FileEntry RegularFile(string path, int mode, int uid, int gid, Stream? data)
    {
        using var buffer = new MemoryStream();
        data?.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new FileEntry(path, "file", mode, uid, gid, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), null);
    }

    private static Stream Decompress(ArchiveLayer layer)
    {
        Stream raw = new MemoryStream(layer.Bytes, writable: false);
        return layer.MediaType switch
        {
            var m when m.EndsWith("gzip", StringComparison.Ordinal) => new GZipStream(raw, CompressionMode.Decompress),
            var m when m.EndsWith("zstd", StringComparison.Ordinal) => new ZstdSharp.DecompressionStream(raw),
            var m when m.EndsWith(".tar", StringComparison.Ordinal) => raw,
            var m => throw new InvalidDataException($"unknown layer media type {m}"),
        };
    }

    private static bool IsWhiteout(string path) => Split(path).Name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal);

    private static string Normalize(string name)
    {
        var path = name.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        path = path.Trim('/');
        return path == "." ? "" : path;
    }

    private static (string Dir, string Name) Split(string path) =>
        path.LastIndexOf('/') is var i and >= 0 ? (path[..i], path[(i + 1)..]) : ("", path);

    private static string Join(string dir, string name) => dir.Length == 0 ? name : $"{dir}/{name}";

    private static void Remove(SortedDictionary<string, FileEntry> state, string path)
    {
        state.Remove(path);
        RemoveUnder(state, path);
    }

    private static void RemoveUnder(SortedDictionary<string, FileEntry> state, string dir)
    {
        var prefix = dir.Length == 0 ? "" : dir + "/";
        foreach (var key in state.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k != dir).ToList())
        {
            state.Remove(key);
        }
    }
}
