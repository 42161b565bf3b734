using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Solver.Cache;

/// <summary>Encodes a record's results as a JSON array of {id, digest, size} for storage.</summary>
internal static class CacheResultsCodec
{
    public static string Encode(ImmutableArray<OpResult> results)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("id", result.Id);
                if (result.ContentDigest is { } digest)
                {
                    writer.WriteString("digest", digest.ToString());
                }

                writer.WriteNumber("size", result.Size);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ImmutableArray<OpResult> Decode(Digest key, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var results = ImmutableArray.CreateBuilder<OpResult>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString() ?? throw new FormatException("id is null");
                Digest? digest = item.TryGetProperty("digest", out var d) ? Digest.Parse(d.GetString() ?? "") : null;
                results.Add(new OpResult(id, digest, item.GetProperty("size").GetInt64()));
            }

            return results.ToImmutable();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or KilnException)
        {
            throw new KilnException(ErrorCodes.CacheRecordInvalid, $"cache record {key} is unreadable: {e.Message}", inner: e);
        }
    }
}
