using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Graph;

/// <summary>A source op that yields a local directory the client names ("context", a named context), filtered by patterns.</summary>
internal sealed record LocalSourceOp(string Name) : Op
{
    public ImmutableArray<string> IncludePatterns { get; init; } = [];

    public ImmutableArray<string> ExcludePatterns { get; init; } = [];

    /// <summary>Paths the later ops read; a hint that lets the transfer skip the rest (not a filter of the result).</summary>
    public ImmutableArray<string> FollowPaths { get; init; } = [];

    public override string Kind => "source.local";

    public override IEnumerable<int> ReferencedInputs => [];

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        writer.WriteStrings("include", IncludePatterns);
        writer.WriteStrings("exclude", ExcludePatterns);
        writer.WriteStrings("followPaths", FollowPaths);
    }
}
