namespace Kiln.DifferentialTests.Build;

/// <summary>
/// The case folders under testdata/differential/build, and a fixture that starts every reference build at once
/// (bounded by <see cref="ReferenceBuilds"/>) so the rows, which xunit runs one by one, find them done or under way.
/// </summary>
public sealed class BuildCases
{
    public BuildCases()
    {
        CaseHttpServer.EnsureStarted(Root);
        foreach (var name in Names())
        {
            _ = ReferenceBuilds.GetAsync(BuildCase.Load(Path.Combine(Root, name)));
        }
    }

    public static string Root => Path.Combine(AppContext.BaseDirectory, "testdata", "differential", "build");

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root)
            .Where(d => File.Exists(Path.Combine(d, "Dockerfile")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;
}
