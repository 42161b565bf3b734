using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

/// <summary>
/// Rows of testdata/hcl/expressions.txt and expressions-kiln.txt: <c>expression --> expected</c>, where expected is the value as JSON
/// (exactly as cty's jsonencode prints it) or <c>!KILNnnnn</c> for an evaluation error. The success rows were
/// produced by docker buildx bake 0.13.1; the differential tests re-check them against it.
/// </summary>
public class ExpressionTableTests
{
    private const string Separator = " --> ";

    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        var lines = File.ReadAllLines(Path.Combine("testdata", "hcl", "expressions.txt"))
            .Concat(File.ReadAllLines(Path.Combine("testdata", "hcl", "expressions-kiln.txt")));
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var at = line.LastIndexOf(Separator, StringComparison.Ordinal);
            data.Add(line[..at], line[(at + Separator.Length)..]);
        }

        return data;
    }

    [Fact]
    public void TableHasAtLeast150Rows() => Assert.True(Rows().Count() >= 150);

    [Theory]
    [MemberData(nameof(Rows))]
    public void EvaluatesLikeBuildx(string expression, string expected)
    {
        if (expected.StartsWith('!'))
        {
            var error = Assert.Throws<KilnException>(() => HclTestContext.Evaluate(expression));
            Assert.Equal(expected[1..], error.Code.ToString());
            Assert.NotNull(error.Span);
            return;
        }

        var value = HclTestContext.Evaluate(expression);
        Assert.Equal(expected, HclJson.Encode(value));
    }
}
