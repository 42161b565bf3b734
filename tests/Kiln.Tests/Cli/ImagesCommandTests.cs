using Kiln.Cli.Commands;

namespace Kiln.Tests.Cli;

public class ImagesCommandTests
{
    [Theory]
    [InlineData(0, "0B")]
    [InlineData(999, "999B")]
    [InlineData(1000, "1kB")]
    [InlineData(4_261_000, "4.26MB")]
    [InlineData(12_345_678, "12.3MB")]
    [InlineData(123_456_789, "123MB")]
    [InlineData(1_500_000_000, "1.5GB")]
    public void SizesPrintLikeDockerImages(long bytes, string expected) =>
        Assert.Equal(expected, ImagesCommand.HumanSize(bytes));
}
