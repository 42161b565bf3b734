using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiln.Dockerfile.Shell;
using Kiln.Oci;
using Kiln.Tests.Dockerfile.Shell;

namespace Kiln.DifferentialTests.Shell;

/// <summary>
/// Writes ONE Dockerfile that exercises ARG scoping, platform ARGs, EXPOSE word splitting and every
/// eligible row of words.txt (one LABEL each), and computes with kiln what each label must be.
/// </summary>
internal sealed partial class ExpansionProbe
{
    public static readonly Platform BuildPlatform = new("linux", "amd64");
    public static readonly Platform TargetPlatform = new("linux", "arm");
    public static readonly ImmutableDictionary<string, string> BuildArgs =
        ImmutableDictionary<string, string>.Empty.Add("GB", "over$G1").Add("TARGETOS", "plan9");

    private const string ScratchPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The stage part of the Dockerfile and the label each scope probe must produce.</summary>
    private static readonly (string Name, string Word)[] ScopeLabels =
    [
        ("scope.g1", "${G1-unset}"), ("scope.g2", "$G2"), ("scope.g3", "${G3-unset}"), ("scope.gb", "$GB"),
        ("scope.gd", "${GD-unset}"), ("scope.parent", "$PARENT"), ("scope.pe", "$PE"), ("scope.shadow", "$SHADOW"),
        ("scope.same", "[$S2]"), ("scope.tp", "$TARGETPLATFORM"), ("scope.tv", "$TARGETVARIANT"),
        ("scope.tos", "$TARGETOS"), ("scope.bp", "$BUILDPLATFORM"), ("scope.ba", "$BUILDARCH"),
        ("scope.bv", "${BUILDVARIANT-unset}"), ("scope.undeclared", "${TARGETARCH-unset}"),
    ];

    private ExpansionProbe(string dockerfile, ImmutableDictionary<string, string> labels, ImmutableArray<ShellTableRow> rows, ImmutableArray<string> ports)
    {
        Dockerfile = dockerfile;
        Labels = labels;
        Rows = rows;
        Ports = ports;
    }

    public string Dockerfile { get; }

    /// <summary>Label name to the value kiln computes.</summary>
    public ImmutableDictionary<string, string> Labels { get; }

    /// <summary>The words.txt rows in the Dockerfile; row i is label <c>row.i</c>.</summary>
    public ImmutableArray<ShellTableRow> Rows { get; }

    /// <summary>The exposed ports kiln computes, as <c>port/proto</c>.</summary>
    public ImmutableArray<string> Ports { get; }

    public static ExpansionProbe Create(ShellTable table)
    {
        var lexer = ShellLexer.Default;
        var df = new StringBuilder();
        var global = GlobalArgScope.Create(PlatformArgs.Create(BuildPlatform, TargetPlatform), BuildArgs);
        foreach (var (name, value) in new (string, string?)[] { ("G1", "g1"), ("G2", "${G1}-two"), ("G3", null), ("GB", "default"), ("GD", "${G3-unset}") })
        {
            df.Append("ARG ").Append(name).Append(value is null ? "" : "=" + value).Append('\n');
            global = global.Declare(name, value, lexer).Scope;
        }

        df.Append("FROM scratch AS base\nARG G1\nARG PARENT=parent\nENV PE=pe\nENV SHADOW=env\n");
        var scope = ArgScope.ForImage(global, [ScratchPath]).DeclareArg("G1", null)
            .DeclareArg("PARENT", "parent").SetEnv("PE", "pe").SetEnv("SHADOW", "env");
        df.Append("FROM base\nARG G2 G3 GB GD TARGETPLATFORM TARGETVARIANT TARGETOS BUILDPLATFORM BUILDARCH BUILDVARIANT\n");
        scope = ArgScope.ForStage(scope);
        foreach (var name in new[] { "G2", "G3", "GB", "GD", "TARGETPLATFORM", "TARGETVARIANT", "TARGETOS", "BUILDPLATFORM", "BUILDARCH", "BUILDVARIANT" })
        {
            scope = scope.DeclareArg(name, null);
        }

        df.Append("ARG SHADOW=arg S1=one S2=$S1\n");
        var before = scope;
        scope = scope.DeclareArg("SHADOW", "arg").DeclareArg("S1", "one").DeclareArg("S2", before.Expand("$S1", lexer).Value);
        foreach (var (name, value) in table.Environment.Add("PORTS", "80 443/udp"))
        {
            df.Append("ENV ").Append(name).Append("=\"").Append(EscapeForDoubleQuotes(value)).Append("\"\n");
            scope = scope.SetEnv(name, value);
        }

        var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, word) in ScopeLabels)
        {
            df.Append("LABEL ").Append(name).Append('=').Append(word).Append('\n');
            labels[name] = scope.Expand(word, lexer).ValueOrThrow();
        }

        var rows = table.Rows.Where(IsEligible).ToImmutableArray();
        var crashing = rows.FirstOrDefault(r => EmptyTrimPattern().IsMatch(r.Input));
        Assert.True(crashing is null, $"{crashing} would crash BuildKit 0.13's dockerd: mark it differential=off");
        for (var i = 0; i < rows.Length; i++)
        {
            var name = "row." + i.ToString(CultureInfo.InvariantCulture);
            df.Append("LABEL ").Append(name).Append('=').Append(rows[i].Input).Append('\n');
            labels[name] = scope.Expand(rows[i].Input, lexer).ValueOrThrow();
        }

        string[] exposeWords = ["$PORTS", "\"8080\"", "'9090/udp'", "${PORT2:-7070}", "${PORT3:-\"7071\"}"];
        df.Append("EXPOSE ").AppendJoin(' ', exposeWords).Append('\n');
        var ports = exposeWords.SelectMany(w => scope.Expand(w, lexer).WordsOrThrow())
            .Select(p => p.Contains('/', StringComparison.Ordinal) ? p : p + "/tcp").Distinct().Order(StringComparer.Ordinal);
        return new ExpansionProbe(df.ToString(), labels.ToImmutable(), rows, [.. ports]);
    }

    /// <summary>
    /// A row fits on a LABEL line when it expands without error under the default escape character and
    /// the Dockerfile parser keeps it as one word: no unquoted whitespace, no escape at the end of the line.
    /// </summary>
    private static bool IsEligible(ShellTableRow row)
    {
        if (!row.Differential || row.ErrorCode is not null || row.Escape != '\\' || row.Input.Length == 0 || row.Input.Contains('\n'))
        {
            return false;
        }

        var quote = '\0';
        for (var i = 0; i < row.Input.Length; i++)
        {
            var ch = row.Input[i];
            if (quote == '\0' && char.IsWhiteSpace(ch))
            {
                return false;
            }

            if (ch == '\\' && quote != '\'')
            {
                if (i + 1 == row.Input.Length)
                {
                    return false;
                }

                i++;
                continue;
            }

            if (quote == '\0' && ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = '\0';
            }
        }

        return true;
    }

    /// <summary>An empty <c>#</c> / <c>%</c> pattern, written or from an empty variable: BuildKit 0.13 panics on it.</summary>
    [GeneratedRegex(@"[\w:][#%](\$\{?(EMPTY|NULL|UNSET\w*)\}?)?\}")]
    private static partial Regex EmptyTrimPattern();

    private static string EscapeForDoubleQuotes(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal);
}
