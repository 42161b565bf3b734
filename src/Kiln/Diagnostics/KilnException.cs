using System.Collections.Immutable;

namespace Kiln.Diagnostics;

/// <summary>A runtime failure the user can act on: it carries an error code and, where known, a source span.</summary>
internal class KilnException : Exception
{
    public KilnException(ErrorCode code, string message, SourceSpan? span = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Span = span;
        Diagnostics = [Diagnostic.Error(code, message, span)];
    }

    public KilnException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics.IsDefaultOrEmpty ? "failed" : diagnostics[0].Summary)
    {
        Diagnostics = diagnostics;
        var first = diagnostics.IsDefaultOrEmpty ? null : diagnostics[0];
        Code = first?.Code ?? ErrorCodes.Internal;
        Span = first?.Span;
    }

    public ErrorCode Code { get; }

    public SourceSpan? Span { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public override string ToString() => $"{Code}: {Message}";
}
