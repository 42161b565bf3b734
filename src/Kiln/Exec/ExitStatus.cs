namespace Kiln.Exec;

/// <summary>
/// How the step's process ended. runc reports a death by signal N as exit code 128+N, like a shell, so
/// <see cref="Signal"/> is derived from codes 129-192.
/// </summary>
internal readonly record struct ExitStatus(int Code)
{
    public bool Succeeded => Code == 0;

    public int? Signal => Code is > 128 and <= 128 + 64 ? Code - 128 : null;
}
