using System.Formats.Tar;
using System.IO.Compression;
using Kiln.Build.Files;

namespace Kiln.Tests.Build.Files;

/// <summary>Recognising a (compressed) tar archive by its first header, as BuildKit's ADD does.</summary>
public sealed class ArchiveUnpackerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kiln-archive-").FullName;

    [Fact]
    public async Task TarAndGzippedTarAreArchivesOtherBytesAreNot()
    {
        var tar = Path.Combine(directory, "a.tar");
        using (var stream = File.Create(tar))
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "f") { DataStream = new MemoryStream("x"u8.ToArray()) });
        }

        var gz = Path.Combine(directory, "a.tar.gz");
        using (var input = File.OpenRead(tar))
        using (var output = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }

        var text = Path.Combine(directory, "t.tar");
        File.WriteAllText(text, new string('a', 2048));
        var zeros = Path.Combine(directory, "zeros.tar");
        File.WriteAllBytes(zeros, new byte[1024]);
        var gzText = Path.Combine(directory, "t.gz");
        using (var output = new GZipStream(File.Create(gzText), CompressionLevel.Fastest))
        {
            output.Write(new byte[600]);
        }

        Assert.True(await ArchiveUnpacker.IsArchiveAsync(tar, CancellationToken.None));
        Assert.True(await ArchiveUnpacker.IsArchiveAsync(gz, CancellationToken.None));
        Assert.False(await ArchiveUnpacker.IsArchiveAsync(text, CancellationToken.None));
        Assert.False(await ArchiveUnpacker.IsArchiveAsync(zeros, CancellationToken.None));
        Assert.False(await ArchiveUnpacker.IsArchiveAsync(gzText, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
