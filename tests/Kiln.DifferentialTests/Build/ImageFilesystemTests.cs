using System.Formats.Tar;
using static Kiln.DifferentialTests.Build.HandMadeArchive;

namespace Kiln.DifferentialTests.Build;

/// <summary>Applying layers in order: whiteouts, opaque directories, replacement and hard links.</summary>
public class ImageFilesystemTests
{
    private static ArchiveLayer Lower => Layer(true, Dir("etc/"), File("etc/a", "a"), Dir("etc/d/"), File("etc/d/b", "b"), File("etc/c", "c"));

    private static List<string> Paths(params ArchiveLayer[] layers) => [.. ImageFilesystem.Apply(layers).Select(e => e.Path)];

    [Fact]
    public void WhiteoutDeletesALowerPathAndEverythingUnderIt() =>
        Assert.Equal(["etc", "etc/a", "etc/c"], Paths(Lower, Layer(false, File("etc/.wh.d", ""))));

    [Fact]
    public void OpaqueMarkerEmptiesTheLowerDirectoryButKeepsItsOwnLayer() =>
        Assert.Equal(["etc", "etc/new"], Paths(Lower, Layer(true, Dir("etc/"), File("etc/new", "n"), File("etc/.wh..wh..opq", ""))));

    [Fact]
    public void FileReplacesALowerDirectory() =>
        Assert.Equal(["etc", "etc/a", "etc/c", "etc/d"], Paths(Lower, Layer(true, File("etc/d", "now a file"))));

    [Fact]
    public void HardLinkHasTheContentOfItsTarget()
    {
        var files = ImageFilesystem.Apply([Lower, Layer(true, Link("etc/h", TarEntryType.HardLink, "etc/a"))]).ToDictionary(e => e.Path);
        Assert.Equal(("file", files["etc/a"].Sha256), (files["etc/h"].Type, files["etc/h"].Sha256));
    }

    [Fact]
    public void LeadingDotSlashAndTrailingSlashNameTheSamePath() =>
        Assert.Equal(["etc", "etc/a"], Paths(Layer(true, Dir("./etc/"), File("./etc/a", "1")), Layer(true, File("etc/a", "2"))));

    [Fact]
    public void UnknownLayerMediaTypeIsRejected() =>
        Assert.Throws<InvalidDataException>(() => ImageFilesystem.Apply([new ArchiveLayer("application/vnd.example.layer", [])]));
}
