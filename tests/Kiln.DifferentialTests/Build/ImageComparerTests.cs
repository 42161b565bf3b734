using System.Collections.Immutable;
using System.Formats.Tar;
using static Kiln.DifferentialTests.Build.HandMadeArchive;

namespace Kiln.DifferentialTests.Build;

/// <summary>The comparer on hand-made OCI archives: what it must ignore (times, compression) and what it must report.</summary>
public class ImageComparerTests
{
    private const string Monday = "2026-11-23T10:00:00Z";
    private const string Tuesday = "2026-11-24T11:00:00Z";

    private static ImmutableArray<ArchiveImage> Read(HandMadeArchive archive)
    {
        using var tar = archive.ToTar();
        return OciArchive.Read(tar);
    }

    private static HandMadeArchive Busy(string created = Monday, string env = "PATH=/bin", string content = "hello", bool gzip = true, string platform = "linux/amd64") =>
        new HandMadeArchive().Image(
            Config(platform, env, ("ADD rootfs / # buildkit", false, created), ("CMD [\"sh\"]", true, created)),
            Layer(gzip, Dir("bin/"), File("bin/sh", content, (UnixFileMode)0b111_101_101)));

    [Fact]
    public void SameImagesWrittenAtOtherTimesWithOtherCompressionAgree() =>
        Assert.Empty(ImageComparer.Compare(Read(Busy()), Read(Busy(created: Tuesday, gzip: false)), keepCreated: false));

    [Fact]
    public void CreatedTimesAreComparedWhenTheCasePinsTheEpoch()
    {
        var differences = ImageComparer.Compare(Read(Busy()), Read(Busy(created: Tuesday)), keepCreated: true);
        Assert.Contains(differences, d => d.StartsWith("linux/amd64 created:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("linux/amd64 history[000]:", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigDifferenceIsReportedByKey()
    {
        var differences = ImageComparer.Compare(Read(Busy()), Read(Busy(env: "PATH=/usr/bin")), keepCreated: false);
        Assert.Equal("linux/amd64 config.Env: reference [\"PATH=/bin\"] kiln [\"PATH=/usr/bin\"]", Assert.Single(differences));
    }

    [Fact]
    public void HistoryDifferenceIsReported()
    {
        var other = new HandMadeArchive().Image(
            Config("linux/amd64", "PATH=/bin", ("ADD rootfs / # buildkit", false, Monday), ("CMD sh", true, Monday)),
            Layer(true, Dir("bin/"), File("bin/sh", "hello", (UnixFileMode)0b111_101_101)));
        var differences = ImageComparer.Compare(Read(Busy()), Read(other), keepCreated: false);
        Assert.StartsWith("linux/amd64 history[001]:", Assert.Single(differences), StringComparison.Ordinal);
    }

    [Fact]
    public void FileContentDifferenceNamesThePath()
    {
        var differences = ImageComparer.Compare(Read(Busy()), Read(Busy(content: "hellO")), keepCreated: false);
        Assert.StartsWith("linux/amd64 /bin/sh:", Assert.Single(differences), StringComparison.Ordinal);
    }

    [Fact]
    public void ModeAndOwnerDifferencesAreReported()
    {
        Image(File("a", "x", (UnixFileMode)0b110_100_100, uid: 1000), out var reference);
        Image(File("a", "x", (UnixFileMode)0b111_100_100, uid: 1000), out var otherMode);
        Image(File("a", "x", (UnixFileMode)0b110_100_100, uid: 0), out var otherOwner);
        Assert.Contains("644 1000:0", Assert.Single(ImageComparer.Compare(reference, otherMode, false)), StringComparison.Ordinal);
        Assert.Contains("kiln a file 644 0:0", Assert.Single(ImageComparer.Compare(reference, otherOwner, false)), StringComparison.Ordinal);
    }

    [Fact]
    public void SymlinkTargetDifferenceIsReported()
    {
        Image(Link("l", TarEntryType.SymbolicLink, "/a"), out var reference);
        Image(Link("l", TarEntryType.SymbolicLink, "a"), out var kiln);
        Assert.EndsWith("-> a", Assert.Single(ImageComparer.Compare(reference, kiln, false)), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPlatformIsReported()
    {
        var both = Read(Busy().Image(Config("linux/arm/v7", "PATH=/bin", ("ADD rootfs / # buildkit", false, Monday)), Layer(true, File("x", "y"))));
        var differences = ImageComparer.Compare(both, Read(Busy()), keepCreated: false);
        Assert.Equal("platforms: reference [linux/amd64, linux/arm/v7] kiln [linux/amd64]", Assert.Single(differences));
    }

    [Fact]
    public void LayerCountDifferenceIsReportedEvenWhenTheFilesAgree()
    {
        var split = new HandMadeArchive().Image(
            Config("linux/amd64", "PATH=/bin", ("ADD rootfs / # buildkit", false, Monday), ("CMD [\"sh\"]", true, Monday)),
            Layer(true, Dir("bin/")), Layer(true, File("bin/sh", "hello", (UnixFileMode)0b111_101_101)));
        Assert.Contains("linux/amd64 manifest layers: reference 1 kiln 2", ImageComparer.Compare(Read(Busy()), Read(split), false));
    }

    private static void Image(TarEntry entry, out ImmutableArray<ArchiveImage> images) =>
        images = Read(new HandMadeArchive().Image(Config("linux/amd64", "A=1", ("COPY a / # buildkit", false, Monday)), Layer(true, entry)));
}
