using System.Text;
using System.Text.Json;

namespace Kiln.Exec.Runtime;

/// <summary>Reads the error messages runc (or crun) wrote to its <c>--log-format json</c> log file.</summary>
internal static class RuntimeLog
{
    /// <summary>The error-level messages joined by "; ", or an empty string when there are none.</summary>
    public static string ReadErrors(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        var errors = new StringBuilder();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line[0] != '{')
            {
                continue;
            }

            try
            {
                using var entry = JsonDocument.Parse(line);
                var root = entry.RootElement;
                var level = root.TryGetProperty("level", out var l) ? l.GetString() : null;
                if (level is "error" or "fatal" && root.TryGetProperty("msg", out var message))
                {
                    errors.Append(errors.Length > 0 ? "; " : "").Append(message.GetString());
                }
            }
            catch (JsonException)
            {
                // A line torn by a crash carries no usable message.
            }
        }

        return errors.ToString();
    }
}
