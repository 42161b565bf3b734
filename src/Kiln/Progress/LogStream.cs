namespace Kiln.Progress;

/// <summary>The stream a log line came from; numbered as BuildKit numbers them.</summary>
internal enum LogStream
{
    Stdout = 1,
    Stderr = 2,
}
