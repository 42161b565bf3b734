using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Kiln.Tests.Snapshots;

/// <summary>Builds tar archives in memory for tests, including the hostile ones a real tool would never write.</summary>
internal sealed class TarBuilder
{
    private static readonly DateTimeOffset Mtime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly MemoryStream buffer = new();
    private readonly TarWriter writer;

    public TarBuilder() => writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true);

    public TarBuilder File(string name, string content, UnixFileMode mode = (UnixFileMode)0x1a4, Dictionary<string, string>? pax = null)
    {
        var entry = pax is null ? new PaxTarEntry(TarEntryType.RegularFile, name) : new PaxTarEntry(TarEntryType.RegularFile, name, pax);
        entry.Mode = mode;
        entry.ModificationTime = Mtime;
        entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        writer.WriteEntry(entry);
        return this;
    }

    public TarBuilder Directory(string name, UnixFileMode mode = (UnixFileMode)0x1ed) => Add(TarEntryType.Directory, name, mode);

    public TarBuilder Symlink(string name, string target) => Add(TarEntryType.SymbolicLink, name, (UnixFileMode)0x1ff, target);

    public TarBuilder HardLink(string name, string target) => Add(TarEntryType.HardLink, name, (UnixFileMode)0x1a4, target);

    public TarBuilder Fifo(string name) => Add(TarEntryType.Fifo, name, (UnixFileMode)0x1a4);

    public byte[] Build()
    {
        writer.Dispose();
        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] tar)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return output.ToArray();
    }

    public static byte[] Zstd(byte[] tar)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(tar).ToArray();
    }

    private TarBuilder Add(TarEntryType type, string name, UnixFileMode mode, string? link = null)
    {
        var entry = new PaxTarEntry(type, name) { Mode = mode, ModificationTime = Mtime };
        if (link is not null)
        {
            entry.LinkName = link;
        }

        writer.WriteEntry(entry);
        return this;
    }
}
