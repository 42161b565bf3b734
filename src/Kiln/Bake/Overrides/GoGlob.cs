namespace Kiln.Bake.Overrides;

/// <summary>Go's path.Match: <c>*</c> any run of non-slash characters, <c>?</c> one, <c>[...]</c> a class, <c>\</c> escapes.</summary>
internal static class GoGlob
{
    public static bool Match(string pattern, string name) => Match(pattern, 0, name, 0);

    private static bool Match(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                for (var k = si; k <= s.Length; k++)
                {
                    if (Match(p, pi + 1, s, k))
                    {
                        return true;
                    }

                    if (k < s.Length && s[k] == '/')
                    {
                        return false;
                    }
                }

                return false;
            }

            if (si >= s.Length || s[si] == '/' && c != '/')
            {
                return false;
            }

            if (c == '?')
            {
                pi++;
            }
            else if (c == '[')
            {
                var end = p.IndexOf(']', pi + 1);
                if (end < 0 || !InClass(p[(pi + 1)..end], s[si]))
                {
                    return false;
                }

                pi = end + 1;
            }
            else
            {
                if (c == '\\' && pi + 1 < p.Length)
                {
                    c = p[++pi];
                }

                if (c != s[si])
                {
                    return false;
                }

                pi++;
            }

            si++;
        }

        return si == s.Length;
    }

    private static bool InClass(string cls, char c)
    {
        var negate = cls.StartsWith('^');
        var body = negate ? cls[1..] : cls;
        var hit = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                hit |= c >= body[i] && c <= body[i + 2];
                i += 2;
            }
            else
            {
                hit |= body[i] == c;
            }
        }

        return hit != negate;
    }
}
