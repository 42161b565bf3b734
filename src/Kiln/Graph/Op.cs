using System.Buffers;
using System.Text.Json;
using Kiln.Oci;

namespace Kiln.Graph;

/// <summary>
/// One build operation, immutable and content-addressed. Inputs are referred to by index into the owning
/// vertex's input list; index -1 means an empty (scratch) filesystem.
/// </summary>
internal abstract record Op
{
    /// <summary>The stable kind tag written first into the canonical form ("exec", "file", ...).</summary>
    public abstract string Kind { get; }

    /// <summary>How many results the op produces (an exec op has one per writable mount with an output).</summary>
    public virtual int OutputCount => 1;

    /// <summary>The input indexes the op refers to; every one must exist on the vertex.</summary>
    public abstract IEnumerable<int> ReferencedInputs { get; }

    /// <summary>
    /// The paths the op reads from an input, or null when it reads the whole input. When a selection is
    /// returned, the input contributes only the content digest of those paths to the cache key.
    /// </summary>
    public virtual InputSelection? SelectionFor(int input) => null;

    /// <summary>The canonical bytes: compact JSON, fields in a fixed order, defaults written explicitly.</summary>
    public byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Kind);
            WriteFields(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The digest of <see cref="Serialize"/>.</summary>
    public Digest ComputeDigest() => Digest.Sha256(Serialize());

    /// <summary>Writes the op's fields after "kind", always in the same order.</summary>
    protected abstract void WriteFields(Utf8JsonWriter writer);
}
