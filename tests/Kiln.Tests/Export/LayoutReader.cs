using System.Formats.Tar;
using Kiln.Content;
using Kiln.Oci;

namespace Kiln.Tests.Export;

/// <summary>Reads an exported tar back: its entries in order, and its blobs ingested into a fresh store.</summary>
internal static class LayoutReader
{
    public static List<TarEntry> Entries(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }

    public static string Text(List<TarEntry> entries, string path)
    {
        var entry = entries.Single(e => e.Name == path);
        using var reader = new StreamReader(entry.DataStream!);
        return reader.ReadToEnd();
    }

    /// <summary>Copies every blob of the tar into <paramref name="store"/>, checking each against its name.</summary>
    public static async Task IngestAsync(List<TarEntry> entries, ContentStore store)
    {
        foreach (var entry in entries.Where(e => e.EntryType == TarEntryType.RegularFile && e.Name.StartsWith("blobs/sha256/", StringComparison.Ordinal)))
        {
            var digest = Digest.Parse("sha256:" + entry.Name["blobs/sha256/".Length..]);
            entry.DataStream!.Position = 0;
            await store.IngestAsync(entry.DataStream, digest, entry.Length, CancellationToken.None);
        }
    }
}
