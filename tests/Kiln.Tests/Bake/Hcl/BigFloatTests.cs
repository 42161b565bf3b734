using Kiln.Bake.Hcl.Values;

namespace Kiln.Tests.Bake.Hcl;

public class BigFloatTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("007", "7")]
    [InlineData("1.50", "1.5")]
    [InlineData("-2.25", "-2.25")]
    [InlineData("1e30", "1000000000000000000000000000000")]
    [InlineData("1E-7", "0.0000001")]
    [InlineData("0.1", "0.1")]
    [InlineData("123456789012345678901234567890.125", "123456789012345678901234567890.125")]
    public void ParsesAndPrintsShortest(string text, string expected) => Assert.Equal(expected, BigFloat.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("1e")]
    [InlineData(" 1")]
    [InlineData("inf")]
    public void RejectsNonNumbers(string text) => Assert.False(BigFloat.TryParse(text, out _));

    [Fact]
    public void DoublesPrintWithDoublePrecision()
    {
        Assert.Equal("1.4142135623730951", BigFloat.FromDouble(Math.Sqrt(2)).ToString());
        Assert.Equal("0.1", BigFloat.FromDouble(0.1).ToString());
        Assert.Equal(0.1, BigFloat.Parse("0.1").ToDouble());
    }

    [Fact]
    public void DivisionRoundsTo512Bits()
    {
        var third = BigFloat.Parse("1") / BigFloat.Parse("3");
        Assert.Equal(512, third.Precision);
        Assert.Equal("1", (third * BigFloat.Parse("3")).ToString());
        Assert.StartsWith("0.3333333333", third.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IntegerPartsTruncateFloorAndCeil()
    {
        var v = BigFloat.Parse("-2.5");
        Assert.Equal(-2, (int)v.Truncate());
        Assert.Equal(-3, (int)v.Floor());
        Assert.Equal(-2, (int)v.Ceiling());
        Assert.False(v.IsInteger);
        Assert.True(BigFloat.Parse("4.0").IsInteger);
    }

    [Fact]
    public void ComparesByValue()
    {
        Assert.Equal(BigFloat.Parse("1"), BigFloat.Parse("1.000"));
        Assert.True(BigFloat.Parse("-1") < BigFloat.Parse("0.5"));
        Assert.Equal(BigFloat.Parse("2").GetHashCode(), BigFloat.Parse("2.0").GetHashCode());
    }
}
