using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Stages;

/// <summary>One build stage: its FROM and the instructions up to the next FROM. Name is lower-case or null.</summary>
internal sealed record Stage(int Index, string? Name, FromInstruction From, ImmutableArray<Instruction> Commands)
{
    public SourceSpan Span => From.Span;

    /// <summary>The name BuildKit shows for the stage: its AS name, or "stage-N".</summary>
    public string DisplayName => Name ?? $"stage-{Index}";
}
