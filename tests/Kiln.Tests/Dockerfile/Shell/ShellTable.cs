using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Tests.Dockerfile.Shell;

/// <summary>One row of a shell data table: the input, and either the expected text or an error code.</summary>
public sealed record ShellTableRow(string File, int Line, string Input, string Expected, string? ErrorCode, char Escape, bool Differential = true)
{
    public override string ToString() => $"{File}:{Line} {Input}";
}

/// <summary>
/// Reads the data tables under testdata/shell: <c>env</c> lines, <c>escape=</c> switches and rows of
/// <c>input|expected</c> (split at the last '|', or before a trailing JSON string).
/// </summary>
public sealed class ShellTable
{
    private ShellTable(ImmutableDictionary<string, string> environment, ImmutableArray<ShellTableRow> rows)
    {
        Environment = environment;
        Rows = rows;
    }

    public ImmutableDictionary<string, string> Environment { get; }

    public ImmutableArray<ShellTableRow> Rows { get; }

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "shell", name);

    /// <summary>Loads a table; <paramref name="separator"/> is "|" for value tables, " => " for word tables.</summary>
    public static ShellTable Load(string name, string separator = "|")
    {
        var environment = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var rows = ImmutableArray.CreateBuilder<ShellTableRow>();
        var escape = '\\';
        var differential = true;
        var lines = File.ReadAllText(PathOf(name)).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("env ", StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                environment[line[4..eq]] = Literal(line[(eq + 1)..]);
                continue;
            }

            if (line.StartsWith("escape=", StringComparison.Ordinal))
            {
                escape = line["escape=".Length];
                continue;
            }

            if (line.StartsWith("differential=", StringComparison.Ordinal))
            {
                differential = line == "differential=on";
                continue;
            }

            var split = separator == "|" ? SplitValueRow(line) : line.IndexOf(separator, StringComparison.Ordinal);
            if (split < 0)
            {
                throw new InvalidDataException($"{name}:{i + 1}: no '{separator}' in row");
            }

            var input = line[..split];
            var expected = line[(split + separator.Length)..];
            var code = expected.StartsWith("!KILN", StringComparison.Ordinal) ? expected[1..] : null;
            rows.Add(new ShellTableRow(name, i + 1, input, code is null && separator == "|" ? Literal(expected) : expected, code, escape, differential));
        }

        return new ShellTable(environment.ToImmutable(), rows.ToImmutable());
    }

    /// <summary>A value: a JSON string when it starts with '"', literal text otherwise.</summary>
    public static string Literal(string text) =>
        text.StartsWith('"') ? JsonSerializer.Deserialize(text, ShellTableJson.Default.String)! : text;

    private static int SplitValueRow(string line)
    {
        var last = line.LastIndexOf('|');
        if (last < 0 || !line.EndsWith('"'))
        {
            return last;
        }

        for (var i = last; i >= 0; i = i == 0 ? -1 : line.LastIndexOf('|', i - 1))
        {
            if (i + 1 < line.Length && line[i + 1] == '"' && IsJsonString(line[(i + 1)..]))
            {
                return i;
            }
        }

        return last;
    }

    private static bool IsJsonString(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, ShellTableJson.Default.String) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
