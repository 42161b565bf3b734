using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Types;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

public class TypeConverterTests
{
    private static HclType Type(string source)
    {
        var (expression, diagnostics) = HclParser.ParseExpression(source, "type.hcl");
        Assert.Empty(diagnostics);
        return TypeExpression.Parse(expression);
    }

    [Theory]
    [InlineData("string", "string")]
    [InlineData("list(number)", "list(number)")]
    [InlineData("map(any)", "map(any)")]
    [InlineData("set(bool)", "set(bool)")]
    [InlineData("tuple([string, number])", "tuple([string, number])")]
    [InlineData("object({b = bool, a = optional(string)})", "object({a = optional(string), b = bool})")]
    public void TypeExpressionsRoundTrip(string source, string expected) => Assert.Equal(expected, Type(source).ToString());

    [Theory]
    [InlineData("strin")]
    [InlineData("list(string, number)")]
    [InlineData("dict(string)")]
    [InlineData("\"string\"")]
    public void InvalidTypeExpressionsFail(string source)
    {
        var (expression, _) = HclParser.ParseExpression(source, "type.hcl");
        var ex = Assert.Throws<KilnException>(() => TypeExpression.Parse(expression));
        Assert.Equal(ErrorCodes.HclInvalidTypeExpression, ex.Code);
    }

    [Theory]
    [InlineData("string", "12", "\"12\"")]
    [InlineData("number", "\"12.50\"", "12.5")]
    [InlineData("bool", "\"true\"", "true")]
    [InlineData("list(string)", "[1, true, \"x\"]", "[\"1\",\"true\",\"x\"]")]
    [InlineData("list(any)", "[1, \"x\"]", "[\"1\",\"x\"]")]
    [InlineData("set(string)", "[\"b\", \"a\", \"b\"]", "[\"a\",\"b\"]")]
    [InlineData("map(number)", "{a = \"1\", b = 2}", "{\"a\":1,\"b\":2}")]
    [InlineData("tuple([string, number])", "[1, \"2\"]", "[\"1\",2]")]
    [InlineData("object({a = string, b = optional(number)})", "{a = 1, extra = true}", "{\"a\":\"1\",\"b\":null}")]
    [InlineData("list(string)", "null", "null")]
    public void ConvertsLikeCty(string type, string value, string expected)
    {
        Assert.True(TypeConverter.TryConvert(HclTestContext.Evaluate(value), Type(type), out var result, out var error), error);
        Assert.Equal(expected, HclJson.Encode(result));
    }

    [Theory]
    [InlineData("number", "\"abc\"")]
    [InlineData("bool", "\"yes\"")]
    [InlineData("string", "[1]")]
    [InlineData("list(number)", "[1, \"x\"]")]
    [InlineData("map(string)", "[1]")]
    [InlineData("tuple([string])", "[1, 2]")]
    [InlineData("object({a = string})", "{b = 1}")]
    public void RejectsWhatCtyRejects(string type, string value) =>
        Assert.False(TypeConverter.TryConvert(HclTestContext.Evaluate(value), Type(type), out _, out _));

    [Theory]
    [InlineData("number", "42", "42")]
    [InlineData("bool", "false", "false")]
    [InlineData("string", "[not parsed]", "\"[not parsed]\"")]
    [InlineData("list(string)", "[\"a\", \"b\"]", "[\"a\",\"b\"]")]
    [InlineData("map(number)", "{\"a\": 1}", "{\"a\":1}")]
    public void ParsesStringsByType(string type, string text, string expected)
    {
        Assert.True(TypeConverter.TryParseString(text, Type(type), out var result, out var error), error);
        Assert.Equal(expected, HclJson.Encode(result));
    }

    [Fact]
    public void ParseStringReportsBadCollections() =>
        Assert.False(TypeConverter.TryParseString("[1,", Type("list(number)"), out _, out _));
}
