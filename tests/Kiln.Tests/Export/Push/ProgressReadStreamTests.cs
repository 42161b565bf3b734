using Kiln.Export.Push;

namespace Kiln.Tests.Export.Push;

public class ProgressReadStreamTests
{
    [Fact]
    public async Task EveryByteArrivesAndProgressIsReportedAtTheInterval()
    {
        var bytes = new byte[10_000];
        new Random(7).NextBytes(bytes);
        var reports = new List<long>();
        await using var stream = new ProgressReadStream(new MemoryStream(bytes), 3000, reports.Add);
        using var copy = new MemoryStream();

        var buffer = new byte[1000];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal([3000L, 6000, 9000], reports);
        Assert.Equal(10_000, stream.Position);
    }

    [Fact]
    public void DisposingClosesTheInnerStream()
    {
        var inner = new MemoryStream([1, 2, 3]);
        new ProgressReadStream(inner, 1, _ => { }).Dispose();

        Assert.False(inner.CanRead);
    }
}
