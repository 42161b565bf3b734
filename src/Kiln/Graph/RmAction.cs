using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Removes a path.</summary>
internal sealed record RmAction(string Path) : FileAction
{
    public bool AllowNotFound { get; init; }

    public bool AllowWildcard { get; init; }

    public override string Kind => "rm";

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("path", Path);
        writer.WriteBoolean("allowNotFound", AllowNotFound);
        writer.WriteBoolean("allowWildcard", AllowWildcard);
    }
}
