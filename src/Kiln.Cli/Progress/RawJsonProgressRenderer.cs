using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kiln.Progress;

namespace Kiln.Cli.Progress;

/// <summary>
/// --progress=rawjson: one BuildKit SolveStatus object per line (vertexes, statuses, logs, warnings with
/// BuildKit's field names). A cache hit is one vertex line with "cached":true and an executed vertex ends with
/// one line carrying "cached":false, so `grep -c '"cached":true'` counts hits and '"cached":false' executions
/// (buildx omits false; kiln writes it so both counts of seed 001 work).
/// </summary>
internal sealed class RawJsonProgressRenderer(TextWriter output) : IProgressRenderer
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly VertexBook book = new();

    public void Render(ProgressEvent progressEvent)
    {
        switch (progressEvent)
        {
            case VertexStarted s:
                var started = book.Get(s.Vertex, s.Name, s.Inputs);
                started.Started ??= s.Time;
                Write("vertexes", w => Vertex(w, s.Vertex, started, null, null, null));
                break;
            case VertexCached c:
                var cached = book.Get(c.Vertex, c.Name, c.Inputs);
                Write("vertexes", w => Vertex(w, c.Vertex, cached, c.Time, cached: true, null));
                break;
            case VertexCompleted done:
                var completed = book.Get(done.Vertex);
                completed.Started ??= done.Started;
                Write("vertexes", w => Vertex(w, done.Vertex, completed, done.Time, cached: false, null));
                break;
            case VertexErrored err:
                var failed = book.Get(err.Vertex);
                failed.Started ??= err.Started;
                Write("vertexes", w => Vertex(w, err.Vertex, failed, err.Time, cached: false, err.Message));
                break;
            case VertexLog l:
                Write("logs", w =>
                {
                    w.WriteStartObject();
                    w.WriteString("vertex", l.Vertex.ToString());
                    w.WriteNumber("stream", (int)l.Stream);
                    w.WriteBase64String("data", l.Data.Span);
                    w.WriteString("timestamp", Timestamp(l.Time));
                    w.WriteEndObject();
                });
                break;
            case VertexStatus st:
                var owner = book.Get(st.Vertex);
                Write("statuses", w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", st.Id);
                    w.WriteString("vertex", st.Vertex.ToString());
                    w.WriteString("name", st.Name);
                    w.WriteNumber("current", st.Current);
                    if (st.Total is { } total)
                    {
                        w.WriteNumber("total", total);
                    }

                    w.WriteString("timestamp", Timestamp(st.Time));
                    if (owner.Started is { } s)
                    {
                        w.WriteString("started", Timestamp(s));
                    }

                    if (st.Completed)
                    {
                        w.WriteString("completed", Timestamp(st.Time));
                    }

                    w.WriteEndObject();
                });
                break;
            case ProgressWarning warning:
                Write("warnings", w =>
                {
                    w.WriteStartObject();
                    if (warning.Vertex is { } v)
                    {
                        w.WriteString("vertex", v.ToString());
                    }

                    w.WriteNumber("level", 1);
                    w.WriteBase64String("short", System.Text.Encoding.UTF8.GetBytes(warning.Message));
                    if (warning.Source is { } span)
                    {
                        w.WriteStartObject("sourceInfo");
                        w.WriteString("filename", span.File);
                        w.WriteEndObject();
                        w.WriteStartArray("range");
                        w.WriteStartObject();
                        w.WriteStartObject("start");
                        w.WriteNumber("line", span.Start.Line);
                        w.WriteEndObject();
                        w.WriteStartObject("end");
                        w.WriteNumber("line", span.End.Line);
                        w.WriteEndObject();
                        w.WriteEndObject();
                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                });
                break;
        }
    }

    public void Complete()
    {
    }

    /// <summary>RFC 3339 with fractional seconds and trailing zeros dropped, as Go's time.RFC3339Nano.</summary>
    internal static string Timestamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var fraction = utc.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        var head = utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return fraction.Length == 0 ? head + "Z" : $"{head}.{fraction}Z";
    }

    private static void Vertex(Utf8JsonWriter w, Oci.Digest digest, VertexBook.Entry entry, DateTimeOffset? completed, bool? cached, string? error)
    {
        w.WriteStartObject();
        w.WriteString("digest", digest.ToString());
        if (!entry.Inputs.IsDefaultOrEmpty)
        {
            w.WriteStartArray("inputs");
            foreach (var input in entry.Inputs)
            {
                w.WriteStringValue(input.ToString());
            }

            w.WriteEndArray();
        }

        w.WriteString("name", entry.Name);
        if ((entry.Started ?? completed) is { } started)
        {
            w.WriteString("started", Timestamp(started));
        }

        if (completed is { } c)
        {
            w.WriteString("completed", Timestamp(c));
        }

        if (cached is { } isCached)
        {
            w.WriteBoolean("cached", isCached);
        }

        if (error is not null)
        {
            w.WriteString("error", error);
        }

        w.WriteEndObject();
    }

    private void Write(string array, Action<Utf8JsonWriter> item)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(array);
            item(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
