using Kiln.Progress;

namespace Kiln.Cli.Progress;

/// <summary>Turns progress events into text; called from one reader, in event order.</summary>
internal interface IProgressRenderer
{
    void Render(ProgressEvent progressEvent);

    /// <summary>Called once after the last event: flushes partial lines and prints the warning summary.</summary>
    void Complete();
}
