using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Graph;

/// <summary>The set of paths an op reads from one input; the input's key is the content digest of exactly these.</summary>
internal sealed record InputSelection(ImmutableArray<PathSelector> Paths)
{
    /// <summary>Writes the selection canonically, so that a digest over it is stable.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var path in Paths.OrEmpty())
        {
            writer.WriteStartObject();
            writer.WriteString("path", path.Path);
            writer.WriteBoolean("followSymlinks", path.FollowSymlinks);
            writer.WriteBoolean("allowWildcard", path.AllowWildcard);
            writer.WriteStrings("include", path.IncludePatterns);
            writer.WriteStrings("exclude", path.ExcludePatterns);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
