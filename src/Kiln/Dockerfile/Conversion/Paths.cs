using Kiln.Graph;

namespace Kiln.Dockerfile.Conversion;

/// <summary>Path rules of the conversion: Unix joins and cleaning, default modes, "user:group" owners.</summary>
internal static class Paths
{
    public const int Mode755 = 0x1ED;

    /// <summary>Joins <paramref name="path"/> to <paramref name="dir"/> unless it is absolute, then cleans it.</summary>
    public static string Join(string dir, string path) =>
        Clean(path.StartsWith('/') ? path : dir.TrimEnd('/') + "/" + path);

    /// <summary>Go's path.Clean for absolute paths: no ".", "..", doubled or trailing slashes.</summary>
    public static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary>The owner of a "user[:group]" string; null for none.</summary>
    public static FileOwner? Owner(string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }

        var colon = user.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new FileOwner(user) : new FileOwner(user[..colon], user[(colon + 1)..]);
    }
}
