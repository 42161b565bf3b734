using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Graph;

/// <summary>
/// A node of the build graph: an op, the edges it reads, and metadata. The digest covers the op's canonical bytes
/// plus each input's digest with its output index, so equal digests mean equal work; the metadata is not covered.
/// </summary>
internal sealed class Vertex
{
    public Vertex(Op op, ImmutableArray<Edge> inputs = default, VertexMetadata? metadata = null)
    {
        Op = op;
        Inputs = inputs.IsDefault ? [] : inputs;
        Metadata = metadata ?? VertexMetadata.Empty;
        Validate();
        Definition = op.Serialize();
        OpDigest = Digest.Sha256(Definition);
        Digest = ComputeDigest(OpDigest, Inputs);
    }

    public Op Op { get; }

    public ImmutableArray<Edge> Inputs { get; }

    public VertexMetadata Metadata { get; }

    /// <summary>The op's canonical bytes.</summary>
    public byte[] Definition { get; }

    public Digest OpDigest { get; }

    public Digest Digest { get; }

    /// <summary>The name shown in progress output: the metadata name, else the op kind.</summary>
    public string DisplayName => Metadata.Name ?? Op.Kind;

    /// <summary>A copy with different metadata; the digest is unchanged.</summary>
    public Vertex WithMetadata(VertexMetadata metadata) => new(Op, Inputs, metadata);

    public override string ToString() => $"{DisplayName} ({Digest})";

    private static Digest ComputeDigest(Digest opDigest, ImmutableArray<Edge> inputs)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("op", opDigest.ToString());
            writer.WriteStartArray("inputs");
            foreach (var input in inputs)
            {
                writer.WriteStartObject();
                writer.WriteString("digest", input.Vertex.Digest.ToString());
                writer.WriteNumber("output", input.Output);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Digest.Sha256(buffer.WrittenSpan);
    }

    private void Validate()
    {
        foreach (var index in Op.ReferencedInputs)
        {
            if (index < 0 || index >= Inputs.Length)
            {
                throw new KilnException(
                    ErrorCodes.GraphInvalid,
                    $"{Op.Kind} op refers to input {index} but the vertex has {Inputs.Length} input(s)",
                    Metadata.Source);
            }
        }

        foreach (var input in Inputs)
        {
            if (input.Vertex is null || input.Output < 0 || input.Output >= input.Vertex.Op.OutputCount)
            {
                throw new KilnException(
                    ErrorCodes.GraphInvalid,
                    $"{Op.Kind} op reads output {input.Output} of a vertex that has {input.Vertex?.Op.OutputCount ?? 0} output(s)",
                    Metadata.Source);
            }
        }
    }
}
