using System.Text;
using System.Text.Json;
using Kiln.Dockerfile.Conversion;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Dockerfile.Conversion;

/// <summary>
/// A conversion result as stable, indented JSON: per platform the author, container config, history
/// (created_by and empty_layer) and the progress names of the graph; then unused build args and error codes.
/// </summary>
internal static class ConversionSnapshot
{
    public static string Write(ConversionResult result)
    {
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("platforms");
            foreach (var platform in result.Platforms)
            {
                writer.WriteStartObject();
                writer.WriteString("platform", platform.Platform.ToString());
                WriteImage(writer, platform.Config);
                writer.WriteStartArray("steps");
                foreach (var name in Steps(platform.Root))
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unusedBuildArgs");
            foreach (var arg in result.UnusedBuildArgs)
            {
                writer.WriteStringValue(arg);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (var d in result.Diagnostics.Where(d => d.IsError))
            {
                writer.WriteStringValue($"KILN{d.Code.Number} line {d.Span?.Start.Line}");
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>The parts of an image config both kiln and the reference decide: author, config and history.</summary>
    public static string Image(ImageConfig config) => Json(writer =>
    {
        writer.WriteStartObject();
        WriteImage(writer, config);
        writer.WriteEndObject();
    });

    private static void WriteImage(Utf8JsonWriter writer, ImageConfig config)
    {
        writer.WriteString("architecture", config.Architecture);
        if (config.Variant is not null)
        {
            writer.WriteString("variant", config.Variant);
        }

        if (config.Author is not null)
        {
            writer.WriteString("author", config.Author);
        }

        writer.WritePropertyName("config");
        config.Config.WriteTo(writer);
        writer.WriteStartArray("history");
        foreach (var entry in config.History)
        {
            writer.WriteStartObject();
            writer.WriteString("created_by", entry.CreatedBy);
            if (entry.EmptyLayer)
            {
                writer.WriteBoolean("empty_layer", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The names of the named vertices under <paramref name="root"/>, inputs first.</summary>
    private static List<string> Steps(Vertex? root)
    {
        var names = new List<string>();
        var seen = new HashSet<Vertex>();
        Visit(root);
        return names;

        void Visit(Vertex? vertex)
        {
            if (vertex is null || !seen.Add(vertex))
            {
                return;
            }

            foreach (var input in vertex.Inputs)
            {
                Visit(input.Vertex);
            }

            if (vertex.Metadata.Name is { } name && name.StartsWith('['))
            {
                names.Add(name);
            }
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
