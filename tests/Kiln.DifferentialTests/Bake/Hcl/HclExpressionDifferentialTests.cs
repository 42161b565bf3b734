using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Hcl.Values;

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
        var buildx = await RunBuildxAsync(source);
        var kiln = EvaluateWithKiln(source);
        var problems = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var reference = buildx.GetProperty("r" + i).GetString();
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

    private static Dictionary<string, string> EvaluateWithKiln(string source)
    {
        var file = HclParser.ParseFile(source, "docker-bake.hcl");
        Assert.Empty(file.Diagnostics);
        var functions = HclStdlib.Create(HclFunctionEnvironment.FromSystem());
        var empty = new EvalContext(functions: functions);
        var variables = file.Body.BlocksOfType("variable")
            .ToDictionary(b => b.Labels[0], b => b.Body.Attribute("default")!.Expression.Evaluate(empty));
        var context = new EvalContext(variables, functions);
        var args = Assert.IsType<ObjectExpression>(file.Body.BlocksOfType("target").Single().Body.Attribute("args")!.Expression);
        return args.Items.ToDictionary(
            item => ((HclString)item.Key.Evaluate(context)).Value,
            item => ((HclString)item.Value.Evaluate(context)).Value);
    }

    private static async Task<JsonElement> RunBuildxAsync(string source)
    {
        var dir = Directory.CreateTempSubdirectory("kiln-hcl-diff-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "docker-bake.hcl"), source);
            var start = new ProcessStartInfo("docker", ["buildx", "bake", "--print", "t"])
            {
                WorkingDirectory = dir.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"docker buildx is required for differential tests; run scripts/setup.sh oracle ({e.Message})");
                throw;
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, $"docker buildx bake --print failed (is buildx installed? see scripts/setup.sh): {await stderr}");
                using var document = JsonDocument.Parse(await stdout);
                return document.RootElement.GetProperty("target").GetProperty("t").GetProperty("args").Clone();
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
