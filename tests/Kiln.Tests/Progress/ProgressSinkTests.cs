using Kiln.Oci;
using Kiln.Progress;
using Kiln.Tests.Solver.Fakes;

namespace Kiln.Tests.Progress;

public class ProgressSinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Digest Vertex = Digest.Sha256("v"u8);

    [Fact]
    public async Task VertexProgressStampsItsVertexAndTimeInOrder()
    {
        var sink = new ChannelProgressSink();
        var progress = new VertexProgress(sink, Vertex, new ManualTimeProvider(Now));

        progress.Log(LogStream.Stderr, "oops\n"u8.ToArray());
        progress.Status("layer-1", "downloading", 10, 100);
        progress.Status("layer-1", "downloading", 100, 100, completed: true);
        progress.Warn("deprecated");
        sink.Complete();
        var events = new List<ProgressEvent>();
        await foreach (var e in sink.Reader.ReadAllAsync())
        {
            events.Add(e);
        }

        Assert.Collection(
            events,
            e => Assert.Equal(LogStream.Stderr, Assert.IsType<VertexLog>(e).Stream),
            e => Assert.Equal((10L, 100L, false), Status(e)),
            e => Assert.Equal((100L, 100L, true), Status(e)),
            e => Assert.Equal(Vertex, Assert.IsType<ProgressWarning>(e).Vertex));
        Assert.All(events, e => Assert.Equal(Now, e.Time));
        Assert.Equal(Vertex, Assert.IsType<VertexLog>(events[0]).Vertex);
    }

    [Fact]
    public void CompletedEventReportsItsDuration()
    {
        var completed = new VertexCompleted(Now.AddMilliseconds(300), Vertex, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(300), completed.Duration);
    }

    private static (long Current, long? Total, bool Completed) Status(ProgressEvent e)
    {
        var status = Assert.IsType<VertexStatus>(e);
        return (status.Current, status.Total, status.Completed);
    }
}
