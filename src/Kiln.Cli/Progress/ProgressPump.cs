using Kiln.Progress;

namespace Kiln.Cli.Progress;

/// <summary>Connects the solver's event channel to a renderer chosen by the progress mode.</summary>
internal static class ProgressPump
{
    public static IProgressRenderer? CreateRenderer(ProgressMode mode, TextWriter error) => mode switch
    {
        ProgressMode.RawJson => new RawJsonProgressRenderer(error),
        ProgressMode.Quiet => null,

        // No interactive tty renderer yet: auto and tty print the plain form, which is what buildx prints without a terminal.
        _ => new PlainProgressRenderer(error),
    };

    /// <summary>Renders events from <paramref name="sink"/> until it is completed.</summary>
    public static async Task RunAsync(ChannelProgressSink sink, IProgressRenderer? renderer)
    {
        await foreach (var e in sink.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            renderer?.Render(e);
        }

        renderer?.Complete();
    }
}
