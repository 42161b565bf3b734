namespace Kiln.Diagnostics;

internal enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
