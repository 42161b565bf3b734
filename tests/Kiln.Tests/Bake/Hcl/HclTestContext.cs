using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Tests.Bake.Hcl;

/// <summary>A deterministic evaluation context: fixed clock, UUIDs and home directory, and a few sample variables.</summary>
internal static class HclTestContext
{
    private const string Variables = """
        name   = "kiln"
        nums   = [1, 2, 3]
        words  = ["b", "a", "c"]
        obj    = { a = 1, b = "x", c = true }
        nested = { list = [{ n = 1 }, { n = 2 }], map = { k = "v" } }
        empty  = ""
        """;

    public static HclFunctionEnvironment Environment { get; } = new(
        new FixedClock(new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero)),
        () => new Guid("00000000-0000-4000-8000-000000000001"),
        "/home/tester");

    public static EvalContext Create()
    {
        var functions = HclStdlib.Create(Environment);
        var file = HclParser.ParseFile(Variables, "vars.hcl");
        Assert.Empty(file.Diagnostics);
        var empty = new EvalContext(functions: functions);
        var values = file.Body.Attributes.ToDictionary(a => a.Name, a => a.Expression.Evaluate(empty));
        return new EvalContext(values, functions);
    }

    /// <summary>Parses and evaluates one expression, failing the test on parse errors.</summary>
    public static HclValue Evaluate(string expression)
    {
        var (parsed, diagnostics) = HclParser.ParseExpression(expression, "expr.hcl");
        Assert.Empty(diagnostics);
        return parsed.Evaluate(Create());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
