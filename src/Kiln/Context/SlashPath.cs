using System.Runtime.CompilerServices;
using System.Text;

namespace Kiln.Context;

/// <summary>
/// Lexical helpers for slash-separated paths with Go's <c>path.Clean</c> rules, which BuildKit applies to
/// ignore patterns before matching.
/// </summary>
internal static class SlashPath
{
    /// <summary>The shortest equivalent path: repeated slashes, <c>.</c> and <c>..</c> elements are folded lexically.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var output = new StringBuilder(path.Length);
        var dotdotFloor = 0;
        if (rooted)
        {
            output.Append('/');
            dotdotFloor = 1;
        }

        var r = rooted ? 1 : 0;
        while (r < path.Length)
        {
            if (path[r] == '/')
            {
                r++;
            }
            else if (path[r] == '.' && (r + 1 == path.Length || path[r + 1] == '/'))
            {
                r++;
            }
            else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == path.Length || path[r + 2] == '/'))
            {
                r += 2;
                if (output.Length > dotdotFloor)
                {
                    var w = output.Length - 1;
                    while (w > dotdotFloor && output[w] != '/')
                    {
                        w--;
                    }

                    output.Length = w;
                }
                else if (!rooted)
                {
                    if (output.Length > 0)
                    {
                        output.Append('/');
                    }

                    output.Append("..");
                    dotdotFloor = output.Length;
                }
            }
            else
            {
                if ((rooted && output.Length != 1) || (!rooted && output.Length != 0))
                {
                    output.Append('/');
                }

                while (r < path.Length && path[r] != '/')
                {
                    output.Append(path[r]);
                    r++;
                }
            }
        }

        return output.Length == 0 ? "." : output.ToString();
    }

    /// <summary>The directory part of a cleaned relative path, or <c>.</c> when it has none.</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : path[..slash];
    }

    /// <summary>Compares paths by Unicode code point, the order Go's sorted directory reads produce.</summary>
    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CompareOrdinal(string a, string b)
    {
        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        var x = a[i];
        var y = b[i];

        // UTF-16 puts surrogates (astral code points) below U+E000..U+FFFF; UTF-8 byte order does not.
        var xs = char.IsSurrogate(x);
        var ys = char.IsSurrogate(y);
        if (xs != ys && (x >= 0xE000 || y >= 0xE000))
        {
            return xs ? 1 : -1;
        }

        return x < y ? -1 : 1;
    }
}
