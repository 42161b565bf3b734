using Kiln.Bake.Hcl.Syntax;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

public class HclLexerTests
{
    private static List<TokenKind> Kinds(string source, bool template = false)
    {
        var (tokens, diagnostics) = HclLexer.Tokenize(source, "lex.hcl", template);
        Assert.Empty(diagnostics);
        return [.. tokens.Select(t => t.Kind)];
    }

    [Fact]
    public void QuotedTemplateNestsInterpolationsAndBraces()
    {
        Assert.Equal(
            [TokenKind.OpenQuote, TokenKind.TemplateLiteral, TokenKind.TemplateInterpolation, TokenKind.OpenBrace, TokenKind.Identifier,
             TokenKind.Equals, TokenKind.Number, TokenKind.CloseBrace, TokenKind.Dot, TokenKind.Identifier, TokenKind.TemplateSequenceEnd,
             TokenKind.CloseQuote, TokenKind.EndOfFile],
            Kinds("\"a${{x = 1}.x}\""));
    }

    [Fact]
    public void HeredocEmitsOneLiteralPerLineAndKeepsTheFollowingNewline()
    {
        Assert.Equal(
            [TokenKind.Identifier, TokenKind.Equals, TokenKind.OpenHeredoc, TokenKind.TemplateLiteral, TokenKind.TemplateLiteral,
             TokenKind.CloseHeredoc, TokenKind.Newline, TokenKind.EndOfFile],
            Kinds("a = <<EOT\none\ntwo\n  EOT\n"));
    }

    [Fact]
    public void OperatorsPreferTheLongestMatch()
    {
        Assert.Equal(
            [TokenKind.Ellipsis, TokenKind.And, TokenKind.Or, TokenKind.EqualEqual, TokenKind.NotEqual, TokenKind.LessEqual,
             TokenKind.GreaterEqual, TokenKind.FatArrow, TokenKind.Less, TokenKind.Greater, TokenKind.Bang, TokenKind.Tilde, TokenKind.EndOfFile],
            Kinds("... && || == != <= >= => < > ! ~"));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e10", "1e10")]
    [InlineData("2.5E-3", "2.5E-3")]
    public void NumbersIncludeFractionAndExponent(string source, string text)
    {
        var (tokens, _) = HclLexer.Tokenize(source, "n.hcl");
        Assert.Equal(TokenKind.Number, tokens[0].Kind);
        Assert.Equal(text, tokens[0].Text);
    }

    [Fact]
    public void IdentifiersMayContainDashes() =>
        Assert.Equal("dockerfile-inline", HclLexer.Tokenize("dockerfile-inline", "i.hcl").Tokens[0].Text);

    [Fact]
    public void PositionsCountLinesAndColumns()
    {
        var (tokens, _) = HclLexer.Tokenize("a = 1\n  bb = \"é\"", "p.hcl");
        var bb = tokens.First(t => t.Text == "bb");
        Assert.Equal(new SourcePosition(2, 3), bb.Start);
        Assert.Equal(new SourcePosition(2, 5), bb.End);
        Assert.Equal(new SourcePosition(2, 10), tokens.First(t => t.Kind == TokenKind.CloseQuote).Start);
    }

    [Fact]
    public void TemplateModeLexesTheWholeTextAsATemplate() =>
        Assert.Equal(
            [TokenKind.TemplateLiteral, TokenKind.TemplateInterpolation, TokenKind.Identifier, TokenKind.TemplateSequenceEnd, TokenKind.TemplateLiteral, TokenKind.EndOfFile],
            Kinds("a ${b} \"c\"", template: true));

    [Fact]
    public void EscapesAreResolvedInLiteralValues()
    {
        var (tokens, _) = HclLexer.Tokenize("\"\\n\\t\\\"\\\\\\u00e9\\U0001F600 $${x} %%{y}\"", "e.hcl");
        Assert.Equal("\n\t\"\\é😀 ${x} %{y}", tokens[1].Value);
    }

    [Fact]
    public void ByteOrderMarkIsSkipped()
    {
        var (tokens, diagnostics) = HclLexer.Tokenize("\uFEFFa = 1", "bom.hcl");
        Assert.Empty(diagnostics);
        Assert.Equal(new SourcePosition(1, 1), tokens[0].Start);
    }
}
