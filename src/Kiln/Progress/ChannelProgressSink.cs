using System.Threading.Channels;

namespace Kiln.Progress;

/// <summary>Queues events for one reader (a renderer) without blocking the writers.</summary>
internal sealed class ChannelProgressSink : IProgressSink
{
    private readonly Channel<ProgressEvent> channel =
        Channel.CreateUnbounded<ProgressEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ProgressEvent> Reader => channel.Reader;

    public void Emit(ProgressEvent progressEvent) => channel.Writer.TryWrite(progressEvent);

    /// <summary>Ends the stream; the reader finishes after the queued events.</summary>
    public void Complete() => channel.Writer.TryComplete();
}
