using Kiln.Cli.Rendering;

namespace Kiln.Tests.Cli.Rendering;

public class TabWriterTests
{
    [Fact]
    public void AlignsABlockToTheWidestCellPlusOne()
    {
        var w = new TabWriter();
        w.WriteLine("Name:\tx");
        w.WriteLine("MediaType:\ty");
        w.WriteLine("Digest:\tz");
        Assert.Equal("Name:      x\nMediaType: y\nDigest:    z\n", w.Flush());
    }

    [Fact]
    public void EmptyCellsArePaddedAndTrailingTextIsNot()
    {
        var w = new TabWriter();
        w.WriteLine("\t");
        w.WriteLine("Manifests:\t");
        Assert.Equal("           \nManifests: \n", w.Flush());
    }

    [Fact]
    public void ALineWithoutTabsEndsTheColumnBlock()
    {
        var w = new TabWriter();
        w.WriteLine("a:\t1");
        w.WriteLine("no tabs here");
        w.WriteLine("longer:\t2");
        Assert.Equal("a: 1\nno tabs here\nlonger: 2\n", w.Flush());
    }

    [Fact]
    public void NestedColumnsAlignWithinTheirOwnBlocks()
    {
        var w = new TabWriter();
        w.WriteLine("a\tbb\tc");
        w.WriteLine("aaa\tb\tc");
        w.WriteLine("x\ty");
        Assert.Equal("a   bb c\naaa b  c\nx   y\n", w.Flush());
    }
}
