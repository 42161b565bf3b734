using System.Collections.Immutable;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.Cli.Progress;

/// <summary>What renderers remember about each vertex: its #number, name, inputs and start time.</summary>
internal sealed class VertexBook
{
    private readonly Dictionary<Digest, Entry> entries = [];

    public Entry Get(Digest digest, string? name = null, ImmutableArray<Digest>? inputs = null)
    {
        if (!entries.TryGetValue(digest, out var entry))
        {
            entry = new Entry(entries.Count + 1, name ?? digest.ToString(), inputs ?? []);
            entries[digest] = entry;
        }
        else if (name is not null)
        {
            entry.Name = name;
            entry.Inputs = inputs ?? entry.Inputs;
        }

        return entry;
    }

    /// <summary>The mutable state of one vertex during rendering.</summary>
    internal sealed class Entry(int number, string name, ImmutableArray<Digest> inputs)
    {
        public int Number { get; } = number;

        public string Name { get; set; } = name;

        public ImmutableArray<Digest> Inputs { get; set; } = inputs;

        public DateTimeOffset? Started { get; set; }

        public bool Finished { get; set; }

        public DateTimeOffset? LastLog { get; set; }

        /// <summary>Bytes of a log line not yet ended by a newline, per stream.</summary>
        public Dictionary<LogStream, List<byte>> Partial { get; } = [];
    }
}
