using System.Reflection;
using Kiln.Diagnostics;

namespace Kiln.Tests.Diagnostics;

public class ErrorCodesTests
{
    private static readonly ErrorCode[] All = [.. typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode))
        .Select(f => (ErrorCode)f.GetValue(null)!)];

    [Fact]
    public void EveryNumberIsUsedOnce()
    {
        var duplicates = All.GroupBy(c => c.Number).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void EveryNameIsUsedOnce() =>
        Assert.Empty(All.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key));

    [Fact]
    public void EveryCodeIsInTheKiln1xxxRange() =>
        Assert.All(All, c => Assert.InRange(c.Number, 1000, 1999));

    [Fact]
    public void CodesPrintAsKilnAndTheNumber() => Assert.Equal("KILN1101", ErrorCodes.InvalidDigest.ToString());
}
