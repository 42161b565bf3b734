using System.Globalization;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>String functions: case, trimming, splitting, joining and substrings (counted in grapheme clusters, as cty does).</summary>
internal static class StringFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        Unary("lower", s => s.ToLowerInvariant()),
        Unary("upper", s => s.ToUpperInvariant()),
        Unary("trimspace", s => s.Trim()),
        Unary("chomp", s => s.TrimEnd('\r', '\n')),
        Unary("strrev", s => string.Concat(Graphemes(s).Reverse())),
        Unary("reverse", s => string.Concat(Graphemes(s).Reverse())),
        Unary("title", Title),
        Unary("sanitize", Sanitize),
        Unary("basename", Basename),
        Unary("dirname", Dirname),
        HclFunction.Fixed("strlen", 1, a => HclValue.From(Graphemes(a.String(0)).Count())),
        HclFunction.Fixed("trim", 2, a => HclValue.From(a.String(0).Trim(a.String(1).ToCharArray()))),
        HclFunction.Fixed("trimprefix", 2, a => HclValue.From(TrimPrefix(a.String(0), a.String(1)))),
        HclFunction.Fixed("trimsuffix", 2, a => HclValue.From(TrimSuffix(a.String(0), a.String(1)))),
        HclFunction.Fixed("indent", 2, a => HclValue.From(a.String(1).Replace("\n", "\n" + new string(' ', Math.Max(0, a.Int32(0))), StringComparison.Ordinal))),
        HclFunction.Fixed("replace", 3, a => HclValue.From(Replace(a.String(0), a.String(1), a.String(2)))),
        HclFunction.Fixed("split", 2, a => HclValue.Tuple(Split(a.String(1), a.String(0)).Select(HclValue.From))),
        HclFunction.Fixed("substr", 3, a => HclValue.From(Substring(a.String(0), a.Int32(1), a.Int32(2)))),
        HclFunction.Variadic("join", 2, Join),
    ];

    internal static IEnumerable<string> Graphemes(string s)
    {
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }

    private static HclFunction Unary(string name, Func<string, string> f) => HclFunction.Fixed(name, 1, a => HclValue.From(f(a.String(0))));

    private static string TrimPrefix(string s, string prefix) => prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;

    private static string TrimSuffix(string s, string suffix) => suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    private static string Replace(string s, string search, string replacement)
    {
        if (search.Length > 0)
        {
            return s.Replace(search, replacement, StringComparison.Ordinal);
        }

        // Go's strings.Replace with an empty needle inserts at every rune boundary.
        var sb = new StringBuilder(replacement);
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(rune.ToString()).Append(replacement);
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Split(string s, string separator)
    {
        if (separator.Length > 0)
        {
            return s.Split(separator);
        }

        return s.EnumerateRunes().Select(r => r.ToString());
    }

    private static string Substring(string s, int offset, int length)
    {
        var graphemes = Graphemes(s).ToList();
        if (offset < 0)
        {
            offset = Math.Max(0, graphemes.Count + offset);
        }

        if (offset > graphemes.Count || length == 0)
        {
            return "";
        }

        var take = length < 0 ? graphemes.Count - offset : Math.Min(length, graphemes.Count - offset);
        return string.Concat(graphemes.Skip(offset).Take(take));
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previousIsSeparator = true;
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(previousIsSeparator ? Rune.ToUpperInvariant(rune).ToString() : rune.ToString());
            previousIsSeparator = !(Rune.IsLetterOrDigit(rune) || rune.Value == '_');
        }

        return sb.ToString();
    }

    private static string Sanitize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' ? (char)c : '_');
        }

        return sb.ToString();
    }

    /// <summary>Go's path.Base.</summary>
    private static string Basename(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }

        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    /// <summary>Go's path.Dir: everything but the last element, cleaned.</summary>
    private static string Dirname(string path)
    {
        var slash = path.LastIndexOf('/');
        var dir = slash >= 0 ? path[..(slash + 1)] : "";
        return CleanPath(dir);
    }

    private static string CleanPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static HclValue Join(FunctionArguments a)
    {
        var separator = a.String(0);
        var items = new List<string>();
        for (var i = 1; i < a.Count; i++)
        {
            items.AddRange(a.StringList(i));
        }

        return HclValue.From(string.Join(separator, items));
    }
}
