using System.Diagnostics;
using System.Text.Json;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Hcl.Values;

namespace Kiln.DifferentialTests.Bake.Hcl;

/// <summary>
/// Evaluates the <c>args</c> of target "t" in a bake file twice: with <c>docker buildx bake --print</c> and with
/// kiln's HCL evaluator over the same globals (variables, attributes, functions).
/// </summary>
internal static class BakeOracle
{
    public static async Task<Dictionary<string, string>> BuildxArgsAsync(string source)
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
            foreach (var block in HclParser.ParseFile(source, "docker-bake.hcl").Body.BlocksOfType("variable"))
            {
                start.Environment.Remove(block.Labels[0]);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"docker buildx is required for differential tests; run scripts/setup.sh oracle ({e.Message})", e);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, $"docker buildx bake --print failed (is buildx installed? see scripts/setup.sh): {await stderr}");
                using var document = JsonDocument.Parse(await stdout);
                var args = document.RootElement.GetProperty("target").GetProperty("t").GetProperty("args");
                return args.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static Dictionary<string, string> KilnArgs(string source)
    {
        var file = HclParser.ParseFile(source, "docker-bake.hcl");
        Assert.Empty(file.Diagnostics);
        var builtins = new Dictionary<string, HclValue> { ["BAKE_CMD_CONTEXT"] = HclValue.From("cwd://") };
        var scope = new GlobalScope([file.Body], new Dictionary<string, string>(), builtins, HclStdlib.Create(HclFunctionEnvironment.FromSystem()));
        var args = Assert.IsType<ObjectExpression>(file.Body.BlocksOfType("target").Single().Body.Attribute("args")!.Expression);
        return args.Items.ToDictionary(
            item => ((HclString)item.Key.Evaluate(scope.Context)).Value,
            item => HclConvert.TryToString(item.Value.Evaluate(scope.Context), out var s) ? s : "<not a string>");
    }
}
