namespace Kiln.DifferentialTests.Bake;

/// <summary>
/// One folder of testdata/bake/print: bake files, <c>args</c> (one command-line word per line), an optional
/// <c>env</c> (KEY=VALUE lines), an optional <c>unordered-groups</c> marker (buildx 0.13.1 lists Compose
/// services or multi-dimension matrix members in an order that varies between runs: group members are then
/// compared as sorted lists).
/// </summary>
public sealed record BakeCase(string Name, string Directory, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Env, bool UnorderedGroups)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "testdata", "bake", "print");

    public static BakeCase Load(string name)
    {
        var dir = Path.Combine(Root, name);
        var args = File.ReadAllLines(Path.Combine(dir, "args")).Where(l => l.Length > 0).ToList();
        var envPath = Path.Combine(dir, "env");
        var env = File.Exists(envPath)
            ? File.ReadAllLines(envPath).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..])
            : [];
        return new BakeCase(name, dir, args, env, File.Exists(Path.Combine(dir, "unordered-groups")));
    }

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The bake files' names and bytes with the args and env, for the oracle cache key.</summary>
    public string Fingerprint()
    {
        var parts = System.IO.Directory.GetFiles(Directory).Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + "\0" + File.ReadAllText(f));
        return string.Join("\u0001", parts);
    }
}
