using System.Text;
using Kiln.Dockerfile.Stages;

namespace Kiln.Tests.Dockerfile;

/// <summary>Random mutations of valid Dockerfiles: the frontend never throws, and its work grows linearly with input.</summary>
public class ParserMutationTests
{
    private static readonly string[] Fragments =
    [
        "\\", "`", "\n", "\\\n", "<<EOF", "<<-'X'", "EOF\n", "[", "]", "\"", "'", "--", "--mount=", "type=cache,", "=", "#", "# escape=`\n",
        "FROM ", "AS ", "ONBUILD ", "HEALTHCHECK ", "CMD ", "\t", " ", "$", "${", "}", ",", "\r\n", "\uFEFF", "\0", "ü", "[\"a\",", "1]",
    ];

    [Fact]
    public void MutatedInputsOnlyProduceDiagnostics()
    {
        var corpus = TestData.Cases("dockerfile/parse")
            .Select(c => File.ReadAllText(Path.Combine(TestData.OutputDir($"dockerfile/parse/{c}"), "Dockerfile")))
            .ToList();
        Assert.NotEmpty(corpus);
        var random = new Random(20261123);
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(corpus[random.Next(corpus.Count)], random);
            var doc = DockerfileDocument.Load(text, "fuzz", target: random.Next(4) == 0 ? "build" : null);
            var lines = text.Split('\n').Length;
            Assert.All(doc.Diagnostics, d => Assert.True(
                d.Code.Number is >= 1400 and < 1500 && (d.Span is null || (d.Span.Start.Line >= 1 && d.Span.End.Line <= lines && d.Span.Start.Column >= 1)),
                $"{d} in:\n{text}"));
            Assert.All(doc.Parse.Nodes, n => Assert.True(n.Span.Start.Line <= n.Span.End.Line && n.Span.End.Line <= lines, $"{n.Keyword} {n.Span}"));
        }
    }

    [Theory]
    [InlineData("RUN echo a \\\n  && b \\\n  && c\n")]
    [InlineData("COPY <<EOF /x\nline\nEOF\n")]
    [InlineData("ENV A=\"x y\" B='z' C=d\\ e\n")]
    [InlineData("CMD [\"a\", [[[[1]]]], \"b\"\n")]
    [InlineData("RUN --mount=type=cache,target=/c,id=x --mount=type=secret,id=s echo\n")]
    [InlineData("# c\n\\\n\n")]
    [InlineData("FROM scratch AS a\nFROM a\nCOPY --from=0 x y\nRUN --mount=from=a,target=/m true\n")]
    [InlineData("HEALTHCHECK --interval=bad CMD x\nBOGUS\n")]
    public void WorkIsLinearInInputSize(string unit)
    {
        var small = Allocated("FROM scratch\n" + Repeat(unit, 200));
        var large = Allocated("FROM scratch\n" + Repeat(unit, 1600));
        Assert.True(large < small * 8 * 1.5, $"8x input cost {large / (double)small:F1}x the work");
    }

    private static long Allocated(string text)
    {
        DockerfileDocument.Load(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        DockerfileDocument.Load(text);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0:
                    sb.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when sb.Length > 0:
                    sb.Remove(at, Math.Min(random.Next(1, 20), sb.Length - at));
                    break;
                case 2 when sb.Length > 0:
                    sb[at] = (char)random.Next(0, 128);
                    break;
                default:
                    var from = random.Next(Math.Max(1, sb.Length));
                    var len = Math.Min(random.Next(1, 80), sb.Length - from);
                    if (len > 0)
                    {
                        sb.Insert(at, sb.ToString(from, len));
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
