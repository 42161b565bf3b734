using System.Text;
using Kiln.Diagnostics;
using Kiln.Exec;

namespace Kiln.Tests.Exec;

/// <summary>The build's session from buildx-style --allow, --secret and --ssh values.</summary>
public sealed class ExecSessionTests
{
    [Fact]
    public async Task FlagsGrantEntitlementsAndResolveSecretsFromTheEnvironment()
    {
        var session = ExecSession.FromFlags(
            ["network.host"], ["id=token,env=KILN_TOKEN", "id=KILN_IMPLICIT"], [], name => name switch
            {
                "KILN_TOKEN" => "t0k",
                "KILN_IMPLICIT" => "implicit",
                _ => null,
            });

        Assert.True(session.Entitlements.Allows(Entitlement.NetworkHost));
        Assert.False(session.Entitlements.Allows(Entitlement.SecurityInsecure));
        Assert.Equal("t0k", Encoding.UTF8.GetString((await session.Secrets.TryGetAsync("token", CancellationToken.None))!));
        Assert.Equal("implicit", Encoding.UTF8.GetString((await session.Secrets.TryGetAsync("KILN_IMPLICIT", CancellationToken.None))!));
        Assert.Null(await session.Secrets.TryGetAsync("other", CancellationToken.None));
    }

    public static TheoryData<string, string[], string[], string[], int> BadFlags => new()
    {
        { "unknown entitlement", ["device"], [], [], ErrorCodes.InvalidEntitlement.Number },
        { "secret without id", [], ["src=/dev/null"], [], ErrorCodes.InvalidSecretSpec.Number },
        { "secret file missing", [], ["id=a,src=/nonexistent/kiln-secret"], [], ErrorCodes.SecretNotFound.Number },
        { "ssh agent missing", [], [], ["default"], ErrorCodes.SshAgentNotFound.Number },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public void BadFlagsThrowTheirCode(string name, string[] allow, string[] secrets, string[] ssh, int code)
    {
        Assert.NotEmpty(name);
        var error = Assert.Throws<KilnException>(() => ExecSession.FromFlags(allow, secrets, ssh, _ => null));

        Assert.Equal(code, error.Code.Number);
    }
}
