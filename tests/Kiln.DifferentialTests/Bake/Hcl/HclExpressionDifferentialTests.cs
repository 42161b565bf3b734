using System.Text;

namespace Kiln.DifferentialTests.Bake.Hcl;

/// <summary>
/// Puts every row of testdata/hcl/expressions.txt into one bake file as <c>args = { rN = jsonencode(EXPR) }</c>,
/// runs <c>docker buildx bake --print</c> on it, and checks that buildx, the table and kiln all agree.
/// </summary>
public class HclExpressionDifferentialTests
{
    private const string Variables = """
        variable "name" {
          default = "kiln"
        }
        variable "nums" {
          default = [1, 2, 3]
        }
        variable "words" {
          default = ["b", "a", "c"]
        }
        variable "obj" {
          default = { a = 1, b = "x", c = true }
        }
        variable "nested" {
          default = { list = [{ n = 1 }, { n = 2 }], map = { k = "v" } }
        }
        variable "empty" {
          default = ""
        }
        """;

    [Fact]
    public async Task BuildxKilnAndTableAgree()
    {
        var rows = File.ReadAllLines(Path.Combine("testdata", "hcl", "expressions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Expression: l[..l.LastIndexOf(" --> ", StringComparison.Ordinal)], Expected: l[(l.LastIndexOf(" --> ", StringComparison.Ordinal) + 5)..]))
            .ToList();
        Assert.True(rows.Count >= 150);
        var sb = new StringBuilder(Variables).Append("\ntarget \"t\" {\n  args = {\n");
        for (var i = 0; i < rows.Count; i++)
        {
            sb.Append("    r").Append(i).Append(" = jsonencode(").Append(rows[i].Expression).Append(")\n");
        }

        var source = sb.Append("  }\n}\n").ToString();
        var buildx = await BakeOracle.BuildxArgsAsync(source);
        var kiln = BakeOracle.KilnArgs(source);
        var problems = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var reference = buildx["r" + i];
            if (reference != rows[i].Expected)
            {
                problems.Add($"table vs buildx: {rows[i].Expression}: table {rows[i].Expected}, buildx {reference}");
            }

            if (kiln["r" + i] != reference)
            {
                problems.Add($"kiln vs buildx: {rows[i].Expression}: kiln {kiln["r" + i]}, buildx {reference}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
