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
        HclFunction.Fixed("regex_replace", 3, a => HclValue.From(Compile(a.String(1), 1).Replace(a.String(0), m => Expand(m, a.String(2))))),
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

    /// <summary>
    /// Go's Regexp.Expand: <c>$1</c>, <c>$name</c> and <c>${name}</c> name groups (the longest run of letters, digits
    /// and underscores), <c>$$</c> is a dollar, and a group that does not exist expands to nothing.
    /// </summary>
    private static string Expand(Match match, string template)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$' || i + 1 >= template.Length)
            {
                sb.Append(template[i]);
                continue;
            }

            if (template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            string name;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    sb.Append('$');
                    continue;
                }

                name = template[(i + 2)..close];
                i = close;
            }
            else
            {
                var end = i + 1;
                while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_'))
                {
                    end++;
                }

                if (end == i + 1)
                {
                    sb.Append('$');
                    continue;
                }

                name = template[(i + 1)..end];
                i = end - 1;
            }

            var group = int.TryParse(name, out var number) ? match.Groups[number] : match.Groups[name];
            if (group.Success)
            {
                sb.Append(group.Value);
            }
        }

        return sb.ToString();
    }
}
