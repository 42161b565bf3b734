using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiln.Oci;

/// <summary>
/// Lays JSON out the way Go's json.MarshalIndent(v, "", "  ") does: two-space indent, no trailing newline, and
/// &lt;, &gt;, &amp; escaped as \u003c, \u003e, \u0026. buildx writes the indexes it creates this way, so kiln can
/// produce byte-identical documents from the same inputs.
/// </summary>
internal static class GoJsonLayout
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Indent(ReadOnlySpan<byte> json)
    {
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            using var document = JsonDocument.Parse(json.ToArray());
            document.WriteTo(writer);
        }

        return EscapeHtml(buffer.WrittenSpan);
    }

    /// <summary>Escapes the three characters Go escapes; in JSON they can only occur inside strings.</summary>
    public static byte[] EscapeHtml(ReadOnlySpan<byte> json)
    {
        if (json.IndexOfAny("<>&"u8) < 0)
        {
            return json.ToArray();
        }

        var output = new ArrayBufferWriter<byte>(json.Length + 32);
        foreach (var b in json)
        {
            ReadOnlySpan<byte> replacement = b switch
            {
                (byte)'<' => "\\u003c"u8,
                (byte)'>' => "\\u003e"u8,
                (byte)'&' => "\\u0026"u8,
                _ => [],
            };
            if (replacement.IsEmpty)
            {
                output.Write([b]);
            }
            else
            {
                output.Write(replacement);
            }
        }

        return output.WrittenSpan.ToArray();
    }
}
