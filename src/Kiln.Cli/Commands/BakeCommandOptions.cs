using System.Collections.Immutable;

namespace Kiln.Cli.Commands;

/// <summary>The bake command line after flag mapping: shorthands are already <c>--set</c> flags.</summary>
internal sealed record BakeCommandOptions(
    ImmutableArray<string> Targets,
    ImmutableArray<string> Files,
    ImmutableArray<string> Overrides,
    bool Print,
    string? List)
{
    public string? Progress { get; init; }

    public string? MetadataFile { get; init; }
}
