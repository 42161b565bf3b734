namespace Kiln.Exec;

/// <summary>
/// One line a step printed: <see cref="Stream"/> is 1 for stdout and 2 for stderr, <see cref="Data"/> the raw bytes
/// including the trailing newline (absent only on a final unterminated line). Lines of one stream arrive in order.
/// </summary>
internal readonly record struct LogLine(int Stream, ReadOnlyMemory<byte> Data)
{
    public const int Stdout = 1;
    public const int Stderr = 2;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Data.Span);
}
