using Kiln.Bake.Hcl;

namespace Kiln.Tests.Bake.Hcl;

/// <summary>
/// Every file in testdata/hcl/invalid must fail to parse with the code and position listed in
/// testdata/hcl/invalid.txt (<c>file | code | line:column</c>), and parsing must still return a body.
/// </summary>
public class InvalidInputTests
{
    private static readonly string Folder = Path.Combine("testdata", "hcl", "invalid");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine("testdata", "hcl", "invalid.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }

        return data;
    }

    [Fact]
    public void EveryInvalidFileHasAnExpectation()
    {
        var listed = Cases().Select(c => (string)c[0]).ToHashSet();
        var files = Directory.GetFiles(Folder, "*.hcl").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(files.Count >= 20);
        Assert.All(files, f => Assert.Contains(f!, listed));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsCodeAndPosition(string name, string code, string position)
    {
        var fileName = name + ".hcl";
        var result = HclParser.ParseFile(File.ReadAllText(Path.Combine(Folder, fileName)), fileName);
        Assert.True(result.HasErrors);
        var first = result.Diagnostics[0];
        Assert.Equal(code, first.Code.ToString());
        Assert.Equal(fileName, first.Span!.File);
        Assert.Equal(position, first.Span.Start.ToString());
        Assert.NotNull(result.Body);
    }

    [Fact]
    public void RecoveryReportsEveryErrorInOneRun()
    {
        var source = "a = 1 @\nb = \"\\q\"\nc = [1,\nd = 4\ntarget \"x\" {\n  e = (\n}\nf = 5\n";
        var result = HclParser.ParseFile(source, "multi.hcl");
        var lines = result.Diagnostics.Select(d => d.Span!.Start.Line).Distinct().ToList();
        Assert.True(lines.Count >= 3, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Body.Attributes, a => a.Name == "f");
        Assert.Contains(result.Body.Blocks, b => b.Type == "target");
    }
}
