using Kiln.Diagnostics;
using Kiln.Exec;

namespace Kiln.Tests.Exec;

public sealed class EntitlementsTests
{
    [Fact]
    public void ParsesRepeatedAndCommaSeparatedValues()
    {
        var granted = Entitlements.Parse(["network.host", " security.insecure , network.host"], out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.True(granted.Allows(Entitlement.NetworkHost));
        Assert.True(granted.Allows(Entitlement.SecurityInsecure));
    }

    [Fact]
    public void UnknownNamesAreDiagnosedAndTheRestGranted()
    {
        var granted = Entitlements.Parse(["network.host,device", "network"], out var diagnostics);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(ErrorCodes.InvalidEntitlement, d.Code));
        Assert.True(granted.Allows(Entitlement.NetworkHost));
        Assert.False(granted.Allows(Entitlement.SecurityInsecure));
    }

    [Theory]
    [InlineData("Default", "Sandbox", null)]
    [InlineData("None", "Sandbox", null)]
    [InlineData("Host", "Sandbox", "network.host")]
    [InlineData("Default", "Insecure", "security.insecure")]
    public void StepsNeedTheirEntitlements(string networkName, string securityName, string? needed)
    {
        var network = Enum.Parse<NetworkMode>(networkName);
        var security = Enum.Parse<SecurityMode>(securityName);
        var span = SourceSpan.Lines("Dockerfile", 4, 4);
        if (needed is null)
        {
            Entitlements.None.RequireFor(network, security, span);
            return;
        }

        var error = Assert.Throws<KilnException>(() => Entitlements.None.RequireFor(network, security, span));
        Assert.Equal(ErrorCodes.EntitlementRequired, error.Code);
        Assert.Equal(span, error.Span);
        Assert.Contains(needed, error.Message, StringComparison.Ordinal);
        Entitlements.Parse([needed], out _).RequireFor(network, security, span);
    }
}
