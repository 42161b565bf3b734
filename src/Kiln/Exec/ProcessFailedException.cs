using Kiln.Diagnostics;

namespace Kiln.Exec;

/// <summary>A step's process exited non-zero: <c>process "/bin/sh -c ..." did not complete successfully: exit code: 1</c>.</summary>
internal sealed class ProcessFailedException(string command, ExitStatus status, SourceSpan? span = null)
    : KilnException(ErrorCodes.ProcessFailed, Describe(command, status), span)
{
    public ExitStatus Status { get; } = status;

    private static string Describe(string command, ExitStatus status) =>
        $"process \"{command}\" did not complete successfully: exit code: {status.Code}";
}
