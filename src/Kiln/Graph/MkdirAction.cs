using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Creates a directory (WORKDIR, COPY destinations), optionally with its parents.</summary>
internal sealed record MkdirAction(string Path, int Mode) : FileAction
{
    public bool MakeParents { get; init; }

    public FileOwner? Owner { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public override string Kind => "mkdir";

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteNumber("mode", Mode);
        writer.WriteBoolean("makeParents", MakeParents);
        writer.WriteOwner("owner", Owner);
        writer.WriteTimestamp("timestamp", Timestamp);
    }
}
