using System.Globalization;
using System.Text;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.Cli.Progress;

/// <summary>
/// buildx's --progress=plain: a blank line before every "#N name" header but the first; the header again
/// when another vertex printed in between (the one left unfinished gets "#N ..."); "#N 0.123 log line",
/// statuses ("#N id 1.03MB / 1.03MB 0.2s done"), then "#N DONE 0.3s", "#N CACHED" or "#N ERROR: ...";
/// warnings are summarised at the end.
/// </summary>
internal sealed class PlainProgressRenderer(TextWriter output) : IProgressRenderer
{
    private readonly VertexBook book = new();
    private readonly List<ProgressWarning> warnings = [];
    private VertexBook.Entry? current;
    private bool printedAny;

    public void Render(ProgressEvent progressEvent)
    {
        switch (progressEvent)
        {
            case VertexStarted s:
                var started = book.Get(s.Vertex, s.Name, s.Inputs);
                started.Started ??= s.Time;
                Switch(started);
                break;
            case VertexCached c:
                var cached = book.Get(c.Vertex, c.Name, c.Inputs);
                Switch(cached, force: current != cached);
                Finish(cached, "CACHED");
                break;
            case VertexLog l:
                Log(book.Get(l.Vertex), l);
                break;
            case VertexStatus st when st.Completed:
                var owner = book.Get(st.Vertex);
                Switch(owner);
                output.Write($"#{owner.Number} {StatusText(st, owner)}\n");
                break;
            case VertexCompleted done:
                var completed = book.Get(done.Vertex);
                FlushPartial(completed);
                Switch(completed);
                Finish(completed, string.Create(CultureInfo.InvariantCulture, $"DONE {done.Duration.TotalSeconds:0.0}s"));
                break;
            case VertexErrored err:
                var failed = book.Get(err.Vertex);
                FlushPartial(failed);
                Switch(failed);
                Finish(failed, $"ERROR: {err.Message}");
                break;
            case ProgressWarning w:
                warnings.Add(w);
                break;
        }
    }

    public void Complete()
    {
        if (warnings.Count == 0)
        {
            return;
        }

        var noun = warnings.Count == 1 ? "warning" : "warnings";
        output.Write($"\n {warnings.Count} {noun} found:\n");
        foreach (var w in warnings)
        {
            var where = w.Source is null ? "" : $" ({w.Source.File}:{w.Source.Start.Line})";
            output.Write($" - {w.Message}{where}\n");
        }
    }

    /// <summary>Units as buildx prints them: bytes under 1000 as an integer, else decimal units with two decimals ("154B", "1.03MB").</summary>
    internal static string HumanSize(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        }

        double size = bytes;
        var i = 0;
        while (size >= 1000 && i < units.Length - 1)
        {
            size /= 1000;
            i++;
        }

        return size.ToString("F2", CultureInfo.InvariantCulture) + units[i];
    }

    private static string StatusText(VertexStatus status, VertexBook.Entry owner)
    {
        var sb = new StringBuilder(status.Id);
        if (status.Total is { } total and not 0)
        {
            sb.Append(' ').Append(HumanSize(status.Current)).Append(" / ").Append(HumanSize(total));
        }
        else if (status.Current != 0)
        {
            sb.Append(' ').Append(HumanSize(status.Current));
        }

        // buildx shows the time only past 10 ms.
        if (owner.Started is { } started && (status.Time - started).TotalSeconds is var seconds and > 0.01)
        {
            sb.Append(' ').Append(seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append('s');
        }

        return sb.Append(" done").ToString();
    }

    private void Switch(VertexBook.Entry entry, bool force = false)
    {
        if (current == entry && !force)
        {
            return;
        }

        if (current is { Finished: false } previous && previous != entry)
        {
            output.Write($"#{previous.Number} ...\n");
        }

        if (printedAny)
        {
            output.Write('\n');
        }

        printedAny = true;
        output.Write($"#{entry.Number} {entry.Name}\n");
        current = entry;
    }

    private void Finish(VertexBook.Entry entry, string text)
    {
        output.Write($"#{entry.Number} {text}\n");
        entry.Finished = true;
        current = null;
    }

    private void Log(VertexBook.Entry entry, VertexLog log)
    {
        entry.LastLog = log.Time;
        if (!entry.Partial.TryGetValue(log.Stream, out var pending))
        {
            entry.Partial[log.Stream] = pending = [];
        }

        foreach (var b in log.Data.Span)
        {
            if (b != (byte)'\n')
            {
                pending.Add(b);
                continue;
            }

            WriteLogLine(entry, log.Time, pending);
            pending.Clear();
        }
    }

    private void FlushPartial(VertexBook.Entry entry)
    {
        foreach (var pending in entry.Partial.Values.Where(p => p.Count > 0))
        {
            WriteLogLine(entry, entry.LastLog ?? entry.Started ?? DateTimeOffset.UnixEpoch, pending);
            pending.Clear();
        }
    }

    private void WriteLogLine(VertexBook.Entry entry, DateTimeOffset time, List<byte> line)
    {
        Switch(entry);
        var seconds = entry.Started is { } s ? Math.Max(0, (time - s).TotalSeconds) : 0;
        var text = Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
        output.Write(string.Create(CultureInfo.InvariantCulture, $"#{entry.Number} {seconds:0.000} {text}\n"));
    }

    /// <summary>For tests: the number a vertex was given.</summary>
    internal int NumberOf(Digest vertex) => book.Get(vertex).Number;
}
