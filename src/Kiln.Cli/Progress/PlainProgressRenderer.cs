using System.Globalization;
using System.Text;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.Cli.Progress;

/// <summary>
/// buildx's --progress=plain: "#N name" headers (repeated when output of another vertex came between),
/// "#N 0.123 log line", completed statuses, "#N DONE 0.3s", "#N CACHED", "#N ERROR: ...", a blank line after
/// each finished vertex, and the warnings summarised at the end.
/// </summary>
internal sealed class PlainProgressRenderer(TextWriter output) : IProgressRenderer
{
    private readonly VertexBook book = new();
    private readonly List<ProgressWarning> warnings = [];
    private VertexBook.Entry? current;

    public void Render(ProgressEvent progressEvent)
    {
        switch (progressEvent)
        {
            case VertexStarted s:
                var started = book.Get(s.Vertex, s.Name, s.Inputs);
                started.Started ??= s.Time;
                Switch(started, force: true);
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

    /// <summary>Units as buildx prints them: decimal, three significant digits ("1.03MB", "154B").</summary>
    internal static string HumanSize(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB"];
        double size = bytes;
        var i = 0;
        while (size >= 1000 && i < units.Length - 1)
        {
            size /= 1000;
            i++;
        }

        return size.ToString("G3", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal) + units[i];
    }

    private static string StatusText(VertexStatus status, VertexBook.Entry owner)
    {
        var sb = new StringBuilder(status.Id);
        if (status.Total is { } total and > 0)
        {
            sb.Append(' ').Append(HumanSize(status.Current)).Append(" / ").Append(HumanSize(total));
        }
        else if (status.Current != 0)
        {
            sb.Append(' ').Append(HumanSize(status.Current));
        }

        if (status.Total is > 0 || status.Current == 0)
        {
            var seconds = owner.Started is { } s ? Math.Max(0, (status.Time - s).TotalSeconds) : 0;
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

        if (current is { Finished: false } && current != entry)
        {
            output.Write('\n');
        }

        output.Write($"#{entry.Number} {entry.Name}\n");
        current = entry;
    }

    private void Finish(VertexBook.Entry entry, string text)
    {
        output.Write($"#{entry.Number} {text}\n\n");
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
