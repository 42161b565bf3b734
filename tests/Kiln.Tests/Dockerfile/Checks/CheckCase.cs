using System.Collections.Immutable;
using Kiln.Dockerfile.Checks;

namespace Kiln.Tests.Dockerfile.Checks;

/// <summary>One row of testdata/dockerfile/checks/rules.txt: a Dockerfile, the options and the expected "Rule:line" findings.</summary>
public sealed record CheckCase(string Name, string Dockerfile, ImmutableArray<string> Expected, string Options)
{
    public override string ToString() => Name;

    /// <summary>Reads every case of a table file.</summary>
    internal static IEnumerable<CheckCase> Load(string path)
    {
        string? header = null;
        var body = new List<string>();
        foreach (var line in File.ReadAllLines(path).Append("=== end"))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                if (header is not null)
                {
                    yield return Parse(header, body);
                }

                header = line[4..];
                body.Clear();
            }
            else if (header is not null)
            {
                body.Add(line);
            }
        }
    }

    /// <summary>The check options the case's option column describes.</summary>
    internal CheckOptions ToCheckOptions()
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        string? target = null;
        Func<string, bool>? ignored = null;
        foreach (var option in Options.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (option[..option.IndexOf('=', StringComparison.Ordinal)], option[(option.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            switch (key)
            {
                case "target":
                    target = value;
                    break;
                case "arg":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    args[value[..eq]] = value[(eq + 1)..];
                    break;
                case "ignore":
                    var patterns = value.Split(',');
                    ignored = path =>
                    {
                        var clean = path.TrimStart('.', '/');
                        return patterns.Any(p => clean == p || clean.StartsWith(p + "/", StringComparison.Ordinal));
                    };
                    break;
                default:
                    throw new InvalidOperationException($"unknown option {key} in case {Name}");
            }
        }

        return new CheckOptions { BuildArgs = args.ToImmutable(), Target = target, IsIgnored = ignored };
    }

    private static CheckCase Parse(string header, List<string> body)
    {
        var parts = header.Split('|', StringSplitOptions.TrimEntries);
        var expected = parts[1] == "none" ? [] : parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
        return new CheckCase(parts[0], string.Join('\n', body) + "\n", expected, parts.Length > 2 ? parts[2] : "");
    }
}
