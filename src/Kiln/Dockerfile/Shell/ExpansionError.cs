using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Shell;

/// <summary>Why a word could not be expanded, with the character offset of the failing construct.</summary>
/// <param name="Code">One of the KILN150x shell codes.</param>
/// <param name="Message">BuildKit's wording of the problem, e.g. <c>syntax error: bad substitution</c>.</param>
/// <param name="Word">The word as written.</param>
/// <param name="Offset">0-based index in <paramref name="Word"/> where the construct starts.</param>
internal sealed record ExpansionError(ErrorCode Code, string Message, string Word, int Offset)
{
    /// <summary>The summary BuildKit prints: <c>failed to process "word": message</c>.</summary>
    public string Summary => $"failed to process \"{Word}\": {Message}";

    public Diagnostic ToDiagnostic(SourceSpan? span = null) =>
        Diagnostic.Error(Code, Summary, span, $"at character {Offset + 1} of the word");

    public KilnException ToException(SourceSpan? span = null) => new(Code, Summary, span);
}
