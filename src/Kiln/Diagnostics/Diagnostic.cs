namespace Kiln.Diagnostics;

/// <summary>One user-facing finding: what went wrong, where, and how bad it is.</summary>
internal sealed record Diagnostic(
    DiagnosticSeverity Severity,
    ErrorCode Code,
    string Summary,
    string? Detail = null,
    SourceSpan? Span = null)
{
    public static Diagnostic Error(ErrorCode code, string summary, SourceSpan? span = null, string? detail = null) =>
        new(DiagnosticSeverity.Error, code, summary, detail, span);

    public static Diagnostic Warning(ErrorCode code, string summary, SourceSpan? span = null, string? detail = null) =>
        new(DiagnosticSeverity.Warning, code, summary, detail, span);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = Span is null ? "" : $"{Span}: ";
        var detail = Detail is null ? "" : $": {Detail}";
        return $"{where}{Severity.ToString().ToLowerInvariant()} {Code}: {Summary}{detail}";
    }
}
