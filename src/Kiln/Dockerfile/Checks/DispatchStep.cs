using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// One instruction as the check run dispatches it: the stage, the variables in effect before it, the ARG names
/// declared so far, whether SHELL or a WORKDIR was already set, and every word it expanded.
/// </summary>
internal sealed record DispatchStep(
    Stage Stage,
    Instruction Instruction,
    ArgScope Scope,
    ImmutableHashSet<string> DeclaredArgs,
    bool ShellSet,
    bool WorkdirSet,
    ImmutableArray<ExpandedWord> Words)
{
    /// <summary>Where findings point: the instruction, or for an ONBUILD trigger the FROM line of the stage running it.</summary>
    public SourceSpan Span { get; init; } = Instruction.Span;

    /// <summary>The expanded value of one of this instruction's words, or its raw text when it was not expanded.</summary>
    public string Value(Word word) => Words.FirstOrDefault(w => w.Source == word)?.Result.Value ?? word.Text;
}
