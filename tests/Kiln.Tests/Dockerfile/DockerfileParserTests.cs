using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Tests.Dockerfile;

/// <summary>Parser semantics that goldens show only indirectly: forms, spans, directives, heredocs.</summary>
public class DockerfileParserTests
{
    public static TheoryData<string, string, bool, string[]> Forms() => new()
    {
        { "exec form", "CMD [\"a\", \"b\"]", true, ["a", "b"] },
        { "trailing text after JSON is ignored", "CMD [\"a\"] junk", true, ["a"] },
        { "trailing comma falls back", "CMD [\"a\",]", false, ["[\"a\",]"] },
        { "single quotes fall back", "CMD ['a']", false, ["['a']"] },
        { "unterminated falls back", "CMD [\"a\"", false, ["[\"a\""] },
        { "object falls back", "CMD {\"a\":1}", false, ["{\"a\":1}"] },
        { "empty array", "CMD []", true, [] },
        { "JSON escapes", "CMD [\"\\u0041\\n\"]", true, ["A\n"] },
        { "COPY splits on whitespace only", "COPY \"a b\" c", false, ["\"a", "b\"", "c"] },
        { "COPY JSON keeps spaces", "COPY [\"a b\", \"c\"]", true, ["a b", "c"] },
        { "ARG keeps quotes in words", "ARG A=\"x y\" B", false, ["A=\"x y\"", "B"] },
        { "FROM splits on whitespace", "FROM  img   AS  x", false, ["img", "AS", "x"] },
        { "USER keeps whole text", "USER a b", false, ["a b"] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void ArgumentForms(string name, string line, bool json, string[] args)
    {
        var node = Assert.Single(DockerfileParser.Parse(line + "\n").Nodes);
        Assert.True(json == node.IsJson, name);
        Assert.Equal(args, node.Args.Select(a => a.Text));
    }

    [Fact]
    public void NonStringJsonArrayIsAnError()
    {
        var result = DockerfileParser.Parse("CMD [\"a\", 1]\n");
        Assert.Equal(ErrorCodes.DockerfileJsonNotStringArray, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void SpansPointAtKeywordFlagsAndArgumentsAcrossContinuations()
    {
        var result = DockerfileParser.Parse("FROM scratch\n  copy --from=a \\\n   x \\\n   y\n");
        var node = result.Nodes[1];
        Assert.Equal("copy", node.Keyword);
        Assert.Equal(new SourcePosition(2, 3), node.KeywordSpan.Start);
        Assert.Equal(new SourcePosition(2, 8), node.Flags[0].Span.Start);
        Assert.Equal(new SourcePosition(3, 4), node.Args[0].Span.Start);
        Assert.Equal(new SourcePosition(4, 4), node.Args[1].Span.Start);
        Assert.Equal(new SourcePosition(4, 5), node.Span.End);
    }

    [Fact]
    public void EscapeDirectiveChangesContinuationCharacter()
    {
        var result = DockerfileParser.Parse("# escape=`\nFROM scratch\nRUN a `\n b\nRUN c \\\n");
        Assert.Equal('`', result.EscapeToken);
        Assert.Equal(["a  b", "c \\"], result.Nodes.Skip(1).Select(n => n.Args[0].Text));
    }

    [Theory]
    [InlineData("# escape=`\n# syntax=x\nFROM a\n", 2)]
    [InlineData("# syntax=x\n\n# escape=`\nFROM a\n", 1)]
    [InlineData("# unknown=1\n# escape=`\nFROM a\n", 0)]
    [InlineData("#check=skip=all\n#  Escape = ` \nFROM a\n", 2)]
    public void DirectivesOnlyAtTheTop(string text, int count) =>
        Assert.Equal(count, DockerfileParser.Parse(text).Directives.Length);

    [Fact]
    public void HeredocsKeepContentQuotingAndChomping()
    {
        var text = "RUN <<-\"A\" 3<<B cat\n\tx $y\n\tA\nz\nB\nCMD [\"after\"]\n";
        var result = DockerfileParser.Parse(text);
        Assert.Empty(result.Diagnostics);
        var run = result.Nodes[0];
        Assert.Equal(2, run.Heredocs.Length);
        Assert.Equal(("A", false, true), (run.Heredocs[0].Name, run.Heredocs[0].Expand, run.Heredocs[0].Chomp));
        Assert.Equal("x $y\n", run.Heredocs[0].EffectiveContent());
        Assert.Equal(("B", true, 3), (run.Heredocs[1].Name, run.Heredocs[1].Expand, run.Heredocs[1].FileDescriptor));
        Assert.Equal("z\n", run.Heredocs[1].Content);
        Assert.Equal(5, run.Span.End.Line);
        Assert.Equal("CMD", result.Nodes[1].Keyword);
    }

    [Fact]
    public void HeredocsAreNotReadForJsonFormOrOtherInstructions()
    {
        var result = DockerfileParser.Parse("RUN [\"cat\", \"<<EOF\"]\nCMD cat <<EOF\nEOF\n");
        Assert.All(result.Nodes, n => Assert.Empty(n.Heredocs));
        Assert.Equal(3, result.Nodes.Length);
    }

    [Fact]
    public void CommentsAboveAnInstructionAreKept()
    {
        var result = DockerfileParser.Parse("# first\n# second\nFROM a\n");
        Assert.Equal(["first", "second"], result.Nodes[0].Comments.ToArray());
    }

    [Fact]
    public void ParserKeepsGoingAfterErrors()
    {
        var result = DockerfileParser.Parse("ENV a\nLABEL b\nCMD [1]\nRUN <<EOF\n");
        Assert.Equal(
            [ErrorCodes.DockerfileInvalidKeyValue, ErrorCodes.DockerfileInvalidKeyValue, ErrorCodes.DockerfileJsonNotStringArray, ErrorCodes.DockerfileUnterminatedHeredoc],
            result.Diagnostics.Select(d => d.Code));
        Assert.Equal([1, 2, 3, 4], result.Diagnostics.Select(d => d.Span!.Start.Line));
    }
}
