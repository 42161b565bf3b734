using System.Text.Json;

namespace Kiln.Graph;

/// <summary>A source op that yields a checkout of a git repository at a ref (branch, tag or commit).</summary>
internal sealed record GitSourceOp(string Remote, string? Ref = null) : Op
{
    public bool KeepGitDirectory { get; init; }

    /// <summary>A subdirectory of the checkout to yield instead of its root.</summary>
    public string? Subdirectory { get; init; }

    public override string Kind => "source.git";

    public override IEnumerable<int> ReferencedInputs => [];

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("remote", Remote);
        writer.WriteNullableString("ref", Ref);
        writer.WriteBoolean("keepGitDir", KeepGitDirectory);
        writer.WriteNullableString("subdir", Subdirectory);
    }
}
