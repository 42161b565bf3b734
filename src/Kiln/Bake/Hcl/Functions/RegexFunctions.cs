using System.Text.RegularExpressions;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>
/// <c>regex</c>, <c>regexall</c> and <c>regex_replace</c> over RE2-style patterns. Matching is non-backtracking,
/// so like RE2 it runs in linear time on hostile input.
/// </summary>
internal static class RegexFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Fixed("regex", 2, a => Regex(a, all: false)),
        HclFunction.Fixed("regexall", 2, a => Regex(a, all: true)),
        HclFunction.Fixed("regex_replace", 3, a => HclValue.From(Compile(a.String(1), 1).Replace(a.String(0), ConvertReplacement(a.String(2))))),
    ];

    private static HclValue Regex(FunctionArguments a, bool all)
    {
        var regex = Compile(a.String(0), 0);
        var input = a.String(1);
        var named = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
        var numbered = regex.GetGroupNumbers().Length - 1 - named.Count;
        if (named.Count > 0 && numbered > 0)
        {
            throw new HclFunctionException("invalid regular expression pattern: can't mix both named and unnamed capture groups", 0);
        }

        if (all)
        {
            return HclValue.Tuple(regex.Matches(input).Select(m => Result(regex, m, named)));
        }

        var match = regex.Match(input);
        return match.Success ? Result(regex, match, named) : throw new HclFunctionException("pattern did not match any part of the given string");
    }

    private static HclValue Result(Regex regex, Match match, List<string> named)
    {
        if (named.Count > 0)
        {
            return HclValue.Object(named.Select(n => KeyValuePair.Create(n, match.Groups[n].Success ? HclValue.From(match.Groups[n].Value) : HclValue.Null)));
        }

        var groups = regex.GetGroupNumbers().Where(n => n > 0).ToList();
        return groups.Count == 0
            ? HclValue.From(match.Value)
            : HclValue.Tuple(groups.Select(g => match.Groups[g].Success ? HclValue.From(match.Groups[g].Value) : HclValue.Null));
    }

    private static Regex Compile(string pattern, int argument)
    {
        try
        {
            var dotnet = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
            return new Regex(dotnet, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new HclFunctionException($"invalid regular expression pattern: {e.Message}", argument);
        }
    }

    /// <summary>Go writes <c>$name</c> and <c>${name}</c> like .NET does, but a literal dollar is <c>$$</c> in both; nothing to change but named forms.</summary>
    private static string ConvertReplacement(string replacement) => replacement;
}
