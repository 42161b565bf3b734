namespace Kiln.Exec.Runtime;

/// <summary>
/// Reads one output stream of the runtime and hands it on line by line. Pipe reads block, so each pump runs on
/// its own thread: many concurrent steps must not starve the thread pool.
/// </summary>
internal static class OutputPump
{
    private const int MaxLine = 64 * 1024;

    /// <summary>Copies <paramref name="source"/> to <paramref name="sink"/> as lines; a line longer than 64 KiB is split.</summary>
    public static Task PumpAsync(Stream source, int stream, Action<LogLine>? sink) =>
        Task.Factory.StartNew(() => Pump(source, stream, sink), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static void Pump(Stream source, int stream, Action<LogLine>? sink)
    {
        var buffer = new byte[MaxLine];
        var filled = 0;
        while (true)
        {
            var read = source.Read(buffer.AsSpan(filled));
            if (read == 0)
            {
                break;
            }

            var start = 0;
            var end = filled + read;
            for (var i = filled; i < end; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    sink?.Invoke(new LogLine(stream, buffer.AsSpan(start, i + 1 - start).ToArray()));
                    start = i + 1;
                }
            }

            filled = end - start;
            if (start > 0 && filled > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, filled);
            }

            if (filled == buffer.Length)
            {
                sink?.Invoke(new LogLine(stream, buffer.ToArray()));
                filled = 0;
            }
        }

        if (filled > 0)
        {
            sink?.Invoke(new LogLine(stream, buffer.AsSpan(0, filled).ToArray()));
        }
    }
}
