using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

public class HclParserTests
{
    private static HclParseResult Parse(string source)
    {
        var result = HclParser.ParseFile(source, "test.hcl");
        Assert.Empty(result.Diagnostics);
        return result;
    }

    private static Expression Expr(string source)
    {
        var (expression, diagnostics) = HclParser.ParseExpression(source, "e.hcl");
        Assert.Empty(diagnostics);
        return expression;
    }

    private static string Eval(HclAttribute attribute) => HclJson.Encode(attribute.Expression.Evaluate(HclTestContext.Create()));

    [Fact]
    public void AttributesAndBlocksKeepTypesLabelsAndSpans()
    {
        var file = Parse("""
            a = 1
            target "web" {
              tags = ["x"]
              nested label2 "label3" {
                deep = true
              }
            }
            group default {}
            """);
        Assert.Equal("a", Assert.Single(file.Body.Attributes).Name);
        Assert.Equal(2, file.Body.Blocks.Length);
        var target = file.Body.Blocks[0];
        Assert.Equal("target", target.Type);
        Assert.Equal(["web"], target.Labels.ToArray());
        Assert.Equal(new SourcePosition(2, 8), target.LabelSpans[0].Start);
        Assert.Equal(new SourcePosition(2, 1), target.Span.Start);
        Assert.Equal(new SourcePosition(7, 2), target.Span.End);
        var tags = Assert.Single(target.Body.Attributes);
        Assert.Equal(new SourcePosition(3, 3), tags.NameSpan.Start);
        Assert.Equal(new SourcePosition(3, 10), tags.Expression.Span.Start);
        var nested = Assert.Single(target.Body.Blocks);
        Assert.Equal(["label2", "label3"], nested.Labels.ToArray());
        Assert.Equal("deep", Assert.Single(nested.Body.Attributes).Name);
        Assert.Equal("default", file.Body.Blocks[1].Labels[0]);
        Assert.Empty(file.Body.Blocks[1].Body.Attributes);
    }

    [Fact]
    public void SingleLineBlockHoldsOneAttribute()
    {
        var file = Parse("variable \"TAG\" { default = \"latest\" }\n");
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("\"latest\"", Eval(Assert.Single(block.Body.Attributes)));
    }

    [Fact]
    public void AllThreeCommentStylesAreIgnored()
    {
        var file = Parse("""
            # hash comment
            a = 1 // line comment
            /* block
               comment */ b = 2
            c = /* inline */ 3 # trailing
            """);
        Assert.Equal(["a", "b", "c"], file.Body.Attributes.Select(a => a.Name));
        Assert.Equal("3", Eval(file.Body.Attributes[2]));
    }

    [Theory]
    [InlineData("42", typeof(LiteralExpression))]
    [InlineData("true", typeof(LiteralExpression))]
    [InlineData("null", typeof(LiteralExpression))]
    [InlineData("\"s\"", typeof(TemplateExpression))]
    [InlineData("<<EOT\nx\nEOT\n", typeof(TemplateExpression))]
    [InlineData("a", typeof(VariableExpression))]
    [InlineData("a.b", typeof(GetAttributeExpression))]
    [InlineData("a[0]", typeof(IndexExpression))]
    [InlineData("a.0", typeof(IndexExpression))]
    [InlineData("a[*].b", typeof(SplatExpression))]
    [InlineData("a.*.b", typeof(SplatExpression))]
    [InlineData("f(1, 2)", typeof(FunctionCallExpression))]
    [InlineData("a ? b : c", typeof(ConditionalExpression))]
    [InlineData("1 + 2", typeof(BinaryExpression))]
    [InlineData("!a", typeof(UnaryExpression))]
    [InlineData("-a", typeof(UnaryExpression))]
    [InlineData("(a)", typeof(ParenthesesExpression))]
    [InlineData("[1, 2]", typeof(TupleExpression))]
    [InlineData("{a = 1}", typeof(ObjectExpression))]
    [InlineData("[for x in a : x]", typeof(ForExpression))]
    [InlineData("{for k, v in a : k => v...}", typeof(ForExpression))]
    public void EachSyntaxElementParsesToItsNode(string source, Type expected) => Assert.IsType(expected, Expr(source));

    [Fact]
    public void PrecedenceFollowsHcl()
    {
        var e = Assert.IsType<BinaryExpression>(Expr("a || b && c == d + e * f"));
        Assert.Equal(BinaryOperator.Or, e.Operator);
        var and = Assert.IsType<BinaryExpression>(e.Right);
        Assert.Equal(BinaryOperator.And, and.Operator);
        var eq = Assert.IsType<BinaryExpression>(and.Right);
        Assert.Equal(BinaryOperator.Equal, eq.Operator);
        var add = Assert.IsType<BinaryExpression>(eq.Right);
        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryExpression>(add.Right).Operator);
    }

    [Fact]
    public void ComparisonBindsTighterThanEquality()
    {
        var e = Assert.IsType<BinaryExpression>(Expr("a < b == c > d"));
        Assert.Equal(BinaryOperator.Equal, e.Operator);
    }

    [Fact]
    public void FunctionCallRecordsExpansionAndSpans()
    {
        var call = Assert.IsType<FunctionCallExpression>(Expr("max(\n  1,\n  nums...\n)"));
        Assert.True(call.ExpandFinal);
        Assert.Equal(2, call.Arguments.Length);
        Assert.Equal(new SourcePosition(1, 1), call.NameSpan.Start);
        Assert.Equal(new SourcePosition(3, 3), call.Arguments[1].Span.Start);
        Assert.Equal(new SourcePosition(4, 2), call.Span.End);
    }

    [Fact]
    public void ForExpressionCapturesAllClauses()
    {
        var f = Assert.IsType<ForExpression>(Expr("{for k, v in m : upper(k) => v... if v != null}"));
        Assert.Equal("k", f.KeyVariable);
        Assert.Equal("v", f.ValueVariable);
        Assert.NotNull(f.KeyResult);
        Assert.NotNull(f.Condition);
        Assert.True(f.Group);
    }

    [Fact]
    public void VariablesExcludeIterationNames()
    {
        var e = Expr("[for x in items : x + offset if x > limit]");
        Assert.Equal(["items", "offset", "limit"], e.Variables().Select(v => v.Name));
    }

    [Fact]
    public void BareObjectKeysAreLiteralButParenthesizedKeysAreEvaluated()
    {
        var o = Assert.IsType<ObjectExpression>(Expr("{name = 1, (name) = 2}"));
        Assert.IsType<LiteralExpression>(o.Items[0].Key);
        Assert.IsType<ParenthesesExpression>(o.Items[1].Key);
        Assert.Equal("""{"kiln":2,"name":1}""", HclJson.Encode(o.Evaluate(HclTestContext.Create())));
    }

    [Fact]
    public void MultiLineObjectsAndTuplesAllowNewlinesAndTrailingCommas()
    {
        var file = Parse("""
            x = {
              a = 1
              b = [
                1,
                2,
              ]
              c = "three", d = 4
            }
            """);
        Assert.Equal("""{"a":1,"b":[1,2],"c":"three","d":4}""", Eval(file.Body.Attributes[0]));
    }

    [Fact]
    public void HeredocKeepsTextAndTrailingNewline()
    {
        var file = Parse("x = <<EOT\n  hello ${name}\n    world\nEOT\ny = 1\n");
        Assert.Equal("\"  hello kiln\\n    world\\n\"", Eval(file.Body.Attributes[0]));
        Assert.Equal("y", file.Body.Attributes[1].Name);
    }

    [Fact]
    public void IndentedHeredocStripsCommonIndentation()
    {
        var file = Parse("x = <<-EOT\n    hello\n      world\n\n    ${name}\n    EOT\n");
        Assert.Equal("\"hello\\n  world\\n\\nkiln\\n\"", Eval(file.Body.Attributes[0]));
    }

    [Fact]
    public void HeredocDirectivesWithStripMarkers()
    {
        var file = Parse("x = <<EOT\n%{ for n in nums ~}\nitem ${n}\n%{ endfor ~}\nEOT\n");
        Assert.Equal("\"item 1\\nitem 2\\nitem 3\\n\"", Eval(file.Body.Attributes[0]));
    }

    [Fact]
    public void HeredocTemplateEscapesAreLiteral()
    {
        var file = Parse("x = <<EOT\n$${a} %%{b} \\n\nEOT\n");
        Assert.Equal("\"${a} %{b} \\\\n\\n\"", Eval(file.Body.Attributes[0]));
    }

    [Fact]
    public void NestedTemplateDirectives()
    {
        var value = HclTestContext.Evaluate("\"%{for x in nums}%{if x != 2}${x}%{else}-%{endif}%{endfor}\"");
        Assert.Equal("\"1-3\"", HclJson.Encode(value));
    }

    [Fact]
    public void TemplateParsesAsWholeSource()
    {
        var (e, diagnostics) = HclParser.ParseTemplate("img:${name}-%{if true}x%{endif} $${raw}", "t.json");
        Assert.Empty(diagnostics);
        Assert.Equal("\"img:kiln-x ${raw}\"", HclJson.Encode(e.Evaluate(HclTestContext.Create())));
    }

    [Fact]
    public void CrlfLineEndingsAreAccepted()
    {
        var file = Parse("a = 1\r\nb = <<EOT\r\nx\r\nEOT\r\n");
        Assert.Equal("\"x\\n\"", Eval(file.Body.Attributes[1]));
    }

    [Fact]
    public void SplatOverNullIsEmptyAndOverScalarIsSingleton()
    {
        Assert.Equal("[]", HclJson.Encode(HclTestContext.Evaluate("null[*]")));
        Assert.Equal("[\"kiln\"]", HclJson.Encode(HclTestContext.Evaluate("name[*]")));
    }

    [Fact]
    public void EvaluationErrorsCarrySpans()
    {
        var ex = Assert.Throws<KilnException>(() => HclTestContext.Evaluate("1 +\n  missing"));
        Assert.Equal(ErrorCodes.HclUnknownVariable, ex.Code);
        Assert.Equal(new SourcePosition(2, 3), ex.Span!.Start);
    }
}
