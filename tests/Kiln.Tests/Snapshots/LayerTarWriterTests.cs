using System.Collections.Immutable;
using System.Formats.Tar;
using System.Text;
using Kiln.Snapshots.Layers;

namespace Kiln.Tests.Snapshots;

/// <summary>The normalized tar writer: ustar by default, PAX only where a value does not fit, the same bytes every time.</summary>
public sealed class LayerTarWriterTests
{
    public static TheoryData<string, string, bool> Names => new()
    {
        { "short", "etc/passwd", false },
        { "exactly-100", new string('a', 100), false },
        { "prefix-split", new string('p', 120) + "/" + new string('n', 90), false },
        { "no-split-possible", new string('x', 150), true },
        { "very-long", string.Join('/', Enumerable.Repeat(new string('y', 120), 5)), true },
        { "non-ascii", "caf\u00e9/\u6587\u4ef6", true },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task NamesRoundTripAndUsePaxOnlyWhenNeeded(string label, string name, bool needsPax)
    {
        var bytes = await WriteAsync(new LayerEntry(name, TarEntryType.RegularFile) { Mode = 0x1a4, Size = 5, MtimeSeconds = 1_600_000_000 }, "hello");

        var entry = ReadSingle(bytes);
        Assert.Equal(name, entry.Name);
        Assert.Equal(needsPax, HasPaxHeader(bytes));
        Assert.Equal("hello", new StreamReader(entry.DataStream!).ReadToEnd());
        Assert.False(string.IsNullOrEmpty(label));
    }

    [Fact]
    public async Task HeadersAreNormalized()
    {
        var bytes = await WriteAsync(new LayerEntry("bin/sh", TarEntryType.SymbolicLink) { Mode = 0x1ff, Uid = 1000, Gid = 100, MtimeSeconds = 1_600_000_001, LinkName = "busybox" }, null);

        var entry = (PosixTarEntry)ReadSingle(bytes);
        Assert.Equal(TarEntryType.SymbolicLink, entry.EntryType);
        Assert.Equal("busybox", entry.LinkName);
        Assert.Equal((1000, 100), (entry.Uid, entry.Gid));
        Assert.Equal("", entry.UserName);
        Assert.Equal("", entry.GroupName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_600_000_001), entry.ModificationTime);
        Assert.Equal((byte)'2', bytes[156]);
        Assert.Equal("ustar\000"u8.ToArray(), bytes[257..265]);
        Assert.Equal(3 * 512, bytes.Length); // one header and the two end blocks
        Assert.All(bytes[512..], b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task XattrsAndLargeIdsGoToPaxRecords()
    {
        var xattrs = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, byte[]>("security.capability", [1, 0, 0, 2]), new("user.note", "n"u8.ToArray())]);
        var bytes = await WriteAsync(new LayerEntry("cap", TarEntryType.RegularFile) { Mode = 0x1ed, Uid = 3_000_000, Gid = 5, Xattrs = xattrs }, null);

        var entry = Assert.IsType<PaxTarEntry>(ReadSingle(bytes));
        Assert.Equal(3_000_000, entry.Uid);
        Assert.Equal("n", entry.ExtendedAttributes["SCHILY.xattr.user.note"]);
        Assert.Equal("\u0001\0\0\u0002", entry.ExtendedAttributes["SCHILY.xattr.security.capability"]);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.True(text.IndexOf("SCHILY.xattr.security", StringComparison.Ordinal) < text.IndexOf("SCHILY.xattr.user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DevicesCarryTheirNumbers()
    {
        var bytes = await WriteAsync(new LayerEntry("dev/null", TarEntryType.CharacterDevice) { Mode = 0x1b6, DeviceMajor = 1, DeviceMinor = 3 }, null);

        var entry = (PosixTarEntry)ReadSingle(bytes);
        Assert.Equal((1, 3), (entry.DeviceMajor, entry.DeviceMinor));
    }

    [Fact]
    public async Task TheSameEntriesGiveTheSameBytes()
    {
        var entry = new LayerEntry(new string('z', 300), TarEntryType.RegularFile) { Mode = 0x1a4, Size = 3, MtimeSeconds = 42 };

        var first = await WriteAsync(entry, "abc");
        var second = await WriteAsync(entry, "abc");

        Assert.Equal(first, second);
        Assert.Equal(0, first.Length % 512);
    }

    private static async Task<byte[]> WriteAsync(LayerEntry entry, string? content)
    {
        using var output = new MemoryStream();
        var writer = new LayerTarWriter(output);
        await writer.WriteEntryAsync(entry, content is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(content)), CancellationToken.None);
        await writer.FinishAsync(CancellationToken.None);
        return output.ToArray();
    }

    private static TarEntry ReadSingle(byte[] bytes)
    {
        using var reader = new TarReader(new MemoryStream(bytes));
        var entry = reader.GetNextEntry(copyData: true)!;
        Assert.Null(reader.GetNextEntry());
        return entry;
    }

    private static bool HasPaxHeader(byte[] bytes) => bytes[156] == (byte)'x';
}
