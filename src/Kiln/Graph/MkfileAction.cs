using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Writes a file with the given bytes (heredocs, generated files).</summary>
internal sealed record MkfileAction(string Path, int Mode, ImmutableArray<byte> Data) : FileAction
{
    public FileOwner? Owner { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public override string Kind => "mkfile";

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteNumber("mode", Mode);
        writer.WriteBase64String("data", Data.IsDefault ? [] : Data.AsSpan());
        writer.WriteOwner("owner", Owner);
        writer.WriteTimestamp("timestamp", Timestamp);
    }
}
