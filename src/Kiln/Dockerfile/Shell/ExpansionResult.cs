using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// The outcome of expanding one word: its value, the same value split into words, and the variable
/// names the expansion looked up, split into those that were set and those that were not.
/// </summary>
/// <remarks>
/// <see cref="Matched"/> and <see cref="Unmatched"/> list each name once, in first-lookup order. A
/// default such as <c>${A:-$B}</c> looks up B even when A is set, exactly as BuildKit does; the
/// UndefinedVar check relies on <see cref="Unmatched"/>.
/// </remarks>
internal sealed record ExpansionResult(
    string Value,
    ImmutableArray<string> Words,
    ImmutableArray<string> Matched,
    ImmutableArray<string> Unmatched,
    ExpansionError? Error)
{
    public bool Succeeded => Error is null;

    public string ValueOrThrow(SourceSpan? span = null) =>
        Error is null ? Value : throw Error.ToException(span);

    public ImmutableArray<string> WordsOrThrow(SourceSpan? span = null) =>
        Error is null ? Words : throw Error.ToException(span);
}
