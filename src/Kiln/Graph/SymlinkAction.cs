using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Creates a symbolic link at <see cref="LinkPath"/> pointing to <see cref="Target"/>.</summary>
internal sealed record SymlinkAction(string Target, string LinkPath) : FileAction
{
    public FileOwner? Owner { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public override string Kind => "symlink";

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("target", Target);
        writer.WriteString("link", LinkPath);
        writer.WriteOwner("owner", Owner);
        writer.WriteTimestamp("timestamp", Timestamp);
    }
}
