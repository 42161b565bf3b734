using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Solver;

/// <summary>
/// Computes a vertex's cache key from its op digest, the runner's resolved key and one contribution per input:
/// the digest of the selected paths when the op reads a selection, else the input's content digest when its
/// runner knows it, else the input's own cache key and output index.
/// </summary>
internal sealed class CacheKeys(IResultInspector results)
{
    /// <summary>
    /// Part of every key. Raise it whenever a runner's result for the same op and inputs changes (a semantics fix),
    /// so results an older kiln stored are never taken for this one's.
    /// </summary>
    public const int Format = 2;

    public async ValueTask<Digest> ComputeAsync(
        Vertex vertex, string? resolvedKey, ImmutableArray<VertexOutcome> inputs, CancellationToken cancellationToken)
    {
        var contributions = new InputContribution[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var edge = vertex.Inputs[i];
            var result = inputs[i].Results[edge.Output];
            var selection = vertex.Op.SelectionFor(i);
            contributions[i] = selection is not null
                ? new InputContribution("selection", await results.DigestSelectionAsync(result, selection, cancellationToken).ConfigureAwait(false), -1)
                : result.ContentDigest is { } content
                    ? new InputContribution("content", content, -1)
                    : new InputContribution("key", inputs[i].CacheKey, edge.Output);
        }

        return Compute(vertex.OpDigest, resolvedKey, contributions);
    }

    private static Digest Compute(Digest opDigest, string? resolvedKey, InputContribution[] contributions)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteString("op", opDigest.ToString());
            writer.WriteNullableString("resolved", resolvedKey);
            writer.WriteStartArray("inputs");
            foreach (var contribution in contributions)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", contribution.Kind);
                writer.WriteString("digest", contribution.Digest.ToString());
                writer.WriteNumber("output", contribution.Output);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Digest.Sha256(buffer.WrittenSpan);
    }

    private readonly record struct InputContribution(string Kind, Digest Digest, int Output);
}
