using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Shell;

/// <summary>Unwinds <see cref="ShellWordProcessor"/> on the first error; never escapes <see cref="ShellLexer.Process"/>.</summary>
internal sealed class ShellExpansionException(ErrorCode code, string message, int offset) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    public int Offset { get; } = offset;
}
