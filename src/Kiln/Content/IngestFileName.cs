using System.Globalization;

namespace Kiln.Content;

/// <summary>
/// Names of partial files in the ingest directory: <c>&lt;pid&gt;.&lt;random&gt;.partial</c>, unique per writer
/// across threads and processes, so two writers never share a temp file.
/// </summary>
internal static class IngestFileName
{
    public const string Suffix = ".partial";

    public static string Create() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}.{Guid.NewGuid():N}{Suffix}");
}
