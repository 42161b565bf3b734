namespace Kiln.Tests.Dockerfile;

/// <summary>Locates tests/testdata: the copy next to the test binary, or the source tree when rewriting goldens.</summary>
internal static class TestData
{
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("KILN_UPDATE_GOLDEN") == "1";

    public static string OutputDir(string relative) => Path.Combine(AppContext.BaseDirectory, "testdata", relative);

    /// <summary>The source-tree folder (found by walking up to the directory holding tests/testdata).</summary>
    public static string SourceDir(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "testdata")))
        {
            dir = dir.Parent;
        }

        return dir is null ? OutputDir(relative) : Path.Combine(dir.FullName, "tests", "testdata", relative);
    }

    public static IEnumerable<string> Cases(string relative)
    {
        var root = UpdateGolden ? SourceDir(relative) : OutputDir(relative);
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "Dockerfile"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
    }
}
