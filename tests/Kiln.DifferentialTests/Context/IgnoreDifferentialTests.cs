using System.Globalization;
using Kiln.Context;

namespace Kiln.DifferentialTests.Context;

/// <summary>
/// Builds a context per pattern list of testdata/context/ignore.txt, sends them all to the reference BuildKit
/// in one build (one named context each, <c>COPY --from=gN . /gN/</c>) and compares what it copied with what
/// kiln's walker includes.
/// </summary>
public sealed class IgnoreDifferentialTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kiln-ignore-diff-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task TablePatternListsMatchBuildKit()
    {
        var groups = IgnoreRows()
            .GroupBy(r => r.Patterns, StringComparer.Ordinal)
            .Select((g, i) => (Name: "g" + i.ToString("D3", CultureInfo.InvariantCulture), Patterns: g.Key, Paths: g.Select(r => r.Path).ToList()))
            .ToList();
        Assert.True(groups.Count >= 60, $"only {groups.Count} pattern lists");

        var dockerfile = new List<string> { "FROM scratch" };
        var named = new List<(string, string)>();
        foreach (var group in groups)
        {
            var dir = Path.Combine(_work, "contexts", group.Name);
            CreateTree(dir, group.Paths);
            File.WriteAllText(Path.Combine(dir, ".dockerignore"), group.Patterns.Replace(';', '\n') + "\n");
            dockerfile.Add($"COPY --from={group.Name} . /{group.Name}/");
            named.Add((group.Name, dir));
        }

        var empty = Directory.CreateDirectory(Path.Combine(_work, "main")).FullName;
        var dockerfilePath = Path.Combine(_work, "Dockerfile");
        File.WriteAllLines(dockerfilePath, dockerfile);
        var output = Path.Combine(_work, "out");
        await BuildxRunner.BuildToLocalAsync(dockerfilePath, empty, output, named);

        var mismatches = new List<string>();
        foreach (var group in groups)
        {
            var expected = BuildxRunner.ListTree(Path.Combine(output, group.Name));
            var context = LocalContext.Open(group.Name, Path.Combine(_work, "contexts", group.Name));
            var actual = ContextWalker.Walk(context, CancellationToken.None).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"[{group.Patterns}] buildkit: {string.Join(", ", expected)}  kiln: {string.Join(", ", actual)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task DockerfileSpecificIgnoreFileWinsLikeBuildKit()
    {
        var context = Path.Combine(_work, "ctx");
        CreateTree(context, ["a", "b", "c/d", "build.Dockerfile"]);
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "a\n");
        File.WriteAllText(Path.Combine(context, "build.Dockerfile"), "FROM scratch\nCOPY . /\n");
        File.WriteAllText(Path.Combine(context, "build.Dockerfile.dockerignore"), "b\nc/*\n");
        var output = Path.Combine(_work, "out-specific");
        await BuildxRunner.BuildToLocalAsync(Path.Combine(context, "build.Dockerfile"), context, output, []);

        var opened = LocalContext.Open(LocalContext.DefaultName, context, Path.Combine(context, "build.Dockerfile"));
        var actual = ContextWalker.Walk(opened, CancellationToken.None).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(BuildxRunner.ListTree(output), actual);
        Assert.Contains("a", actual);
        Assert.DoesNotContain("b", actual);
    }

    [Fact]
    public async Task SymlinksAndEmptyDirectoriesMatchBuildKit()
    {
        var context = Path.Combine(_work, "links");
        CreateTree(context, ["real/f", "logs/a.log", "logs/keep"]);
        Directory.CreateDirectory(Path.Combine(context, "empty"));
        Directory.CreateDirectory(Path.Combine(context, "ignored-empty"));
        File.CreateSymbolicLink(Path.Combine(context, "inside"), "real");
        File.CreateSymbolicLink(Path.Combine(context, "outside"), "/etc");
        File.CreateSymbolicLink(Path.Combine(context, "up"), "../..");
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "ignored-empty\nlogs\n!logs/keep\n");
        var dockerfile = Path.Combine(_work, "links.Dockerfile");
        File.WriteAllText(dockerfile, "FROM scratch\nCOPY . /\n");
        var output = Path.Combine(_work, "out-links");
        await BuildxRunner.BuildToLocalAsync(dockerfile, context, output, []);

        var entries = ContextWalker.Walk(LocalContext.Open(LocalContext.DefaultName, context), CancellationToken.None);
        Assert.Equal(BuildxRunner.ListTree(output), entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        foreach (var link in entries.Where(e => e.Kind == ContextEntryKind.Symlink))
        {
            Assert.Equal(new FileInfo(Path.Combine(output, link.Path)).LinkTarget, link.LinkTarget);
        }
    }

    private static IEnumerable<(string Patterns, string Path)> IgnoreRows()
    {
        foreach (var line in File.ReadAllLines("testdata/context/ignore.txt"))
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line == "#")
            {
                continue;
            }

            var columns = line.Split(" | ");
            if (!columns[2].StartsWith("error", StringComparison.Ordinal))
            {
                yield return (columns[0], columns[1]);
            }
        }
    }

    // Every path is a file unless another path lies beneath it.
    private static void CreateTree(string root, IReadOnlyCollection<string> paths)
    {
        Directory.CreateDirectory(root);
        var directories = paths.SelectMany(Ancestors).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in directories)
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }

        foreach (var path in paths.Where(p => !directories.Contains(p)))
        {
            File.WriteAllText(Path.Combine(root, path), path);
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
