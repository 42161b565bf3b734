using System.Collections.Immutable;
using System.Globalization;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// One differential build case: a folder that is the build context (Dockerfile, context files) plus a <c>case</c> file,
/// one item a line: a buildx flag (<c>--platform a,b</c>, <c>--build-arg K[=V]</c>, <c>--target T</c>,
/// <c>--build-context name=DIR|docker-image://REF</c>, <c>--secret id=X,src=FILE</c>, <c>--allow E</c>; DIR and FILE
/// relative to the case folder), <c>env K=V</c> (the builders' environment, for build args without a value),
/// <c>fails LINE</c> (both builders must fail; kiln's error names that Dockerfile line) or <c>differs WHY</c>
/// (a known difference listed in KNOWN-DIFFERENCES.md: the suite checks that it still differs).
/// </summary>
internal sealed record BuildCase(
    string Name,
    string Directory,
    ImmutableArray<string> Arguments,
    ImmutableDictionary<string, string> Environment,
    int? FailLine,
    string? KnownDifference)
{
    public const string CaseFileName = "case";

    /// <summary>True when the case pins SOURCE_DATE_EPOCH, so that created timestamps are reproducible and compared.</summary>
    public bool PinsEpoch => Arguments.Any(a => a.StartsWith("SOURCE_DATE_EPOCH=", StringComparison.Ordinal));

    public static BuildCase Load(string directory)
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        var environment = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        int? failLine = null;
        string? difference = null;
        var path = Path.Combine(directory, CaseFileName);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        foreach (var raw in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var (keyword, value) = raw.Split(' ', 2) is [var k, var v] ? (k, v.Trim()) : (raw, "");
            switch (keyword)
            {
                case "env":
                    var (name, item) = value.Split('=', 2) is [var n, var i] ? (n, i) : (value, "");
                    environment[name] = item;
                    break;
                case "fails":
                    failLine = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "differs":
                    difference = value;
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    arguments.Add(flag);
                    arguments.Add(ResolvePaths(flag, value, directory));
                    break;
                default:
                    throw new InvalidOperationException($"{path}: unknown line \"{raw}\"");
            }
        }

        return new BuildCase(Path.GetFileName(directory), directory, arguments.ToImmutable(), environment.ToImmutable(), failLine, difference);
    }

    private static string ResolvePaths(string flag, string value, string directory)
    {
        switch (flag)
        {
            case "--build-context" when value.Split('=', 2) is [var name, var source] && !source.Contains("://", StringComparison.Ordinal):
                return $"{name}={Path.Combine(directory, source)}";
            case "--secret":
                var parts = value.Split(',').Select(p => p.StartsWith("src=", StringComparison.Ordinal) ? "src=" + Path.Combine(directory, p[4..]) : p);
                return string.Join(',', parts);
            default:
                return value;
        }
    }

    public override string ToString() => Name;
}
