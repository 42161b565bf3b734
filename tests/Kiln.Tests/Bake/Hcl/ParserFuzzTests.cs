using System.Text;
using Kiln.Bake.Hcl;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

/// <summary>Random and mutated inputs: the parser never throws, and evaluation fails only with KilnException.</summary>
public class ParserFuzzTests
{
    private static readonly string[] Fragments =
    [
        "a", "b", "target", "\"", "\"x\"", "${", "%{", "}", "{", "]", "[", "(", ")", "=", "==", "!=", "=>", "...", ".", "*",
        "[*]", ".*", ",", ":", "?", "!", "-", "+", "/", "%", "&&", "||", "<", ">=", "~", "for", "in", "if", "else", "endif",
        "endfor", "<<EOT\n", "<<-EOT\n", "EOT", "\n", " ", "\t", "#", "//", "/*", "*/", "1", "1.5", "1e3", "true", "null",
        "\\", "\\n", "\\u00e9", "$${", "%%{", "@", "é", "\r\n", "upper(", "max(", "nums", "obj.a", "'",
    ];

    private const string Sample = """
        variable "TAG" {
          default = "latest"
        }
        target "web" {
          tags = ["repo:${TAG}", for x in [1] : x]
          args = { A = upper("a"), B = [for k, v in {a = 1} : "${k}=${v}" if v > 0] }
          dockerfile-inline = <<-EOT
            FROM busybox
            %{ for n in [1, 2] ~}
            RUN echo ${n}
            %{ endfor ~}
            EOT
          platforms = length([1]) > 0 ? ["linux/amd64"] : []
        }
        """;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomFragmentsNeverThrow(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var sb = new StringBuilder();
            var count = random.Next(1, 40);
            for (var j = 0; j < count; j++)
            {
                sb.Append(Fragments[random.Next(Fragments.Length)]);
            }

            Exercise(sb.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedFilesNeverThrow(int seed)
    {
        var random = new Random(seed * 7919);
        for (var i = 0; i < 150; i++)
        {
            var text = new StringBuilder(Sample);
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits && text.Length > 0; e++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)); break;
                    case 1: text.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                    default: text[at] = (char)random.Next(32, 127); break;
                }
            }

            Exercise(text.ToString());
        }
    }

    [Fact]
    public void DeepNestingIsRefusedNotOverflowed()
    {
        var deep = "a = " + new string('[', 100_000) + "\n";
        var result = HclParser.ParseFile(deep, "deep.hcl");
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.HclUnexpectedToken);
        var blocks = string.Concat(Enumerable.Repeat("b {\n", 50_000));
        Assert.True(HclParser.ParseFile(blocks, "blocks.hcl").HasErrors);
        var directives = "a = \"" + string.Concat(Enumerable.Repeat("%{if true}", 50_000)) + "\"\n";
        Assert.True(HclParser.ParseFile(directives, "directives.hcl").HasErrors);
    }

    private static void Exercise(string text)
    {
        var file = HclParser.ParseFile(text, "fuzz.hcl");
        Assert.All(file.Diagnostics, d => Assert.NotNull(d.Span));
        HclParser.ParseExpression(text, "fuzz.hcl");
        HclParser.ParseTemplate(text, "fuzz.hcl");
        if (file.HasErrors)
        {
            return;
        }

        var context = HclTestContext.Create();
        foreach (var attribute in file.Body.Attributes)
        {
            try
            {
                attribute.Expression.Evaluate(context);
            }
            catch (KilnException)
            {
            }
        }
    }
}
