using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Stages;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// The outcome of checking one Dockerfile: the warnings in line order and the errors that fail the check
/// (parse errors, malformed check options, or findings when the options say <c>error=true</c>).
/// </summary>
internal sealed record CheckResult(
    DockerfileDocument Document,
    CheckConfig Config,
    ImmutableArray<CheckWarning> Warnings,
    ImmutableArray<Diagnostic> Errors)
{
    public bool Failed => !Errors.IsEmpty;

    public string File => Document.Parse.File;

    public string Text => Document.Parse.Text;
}
