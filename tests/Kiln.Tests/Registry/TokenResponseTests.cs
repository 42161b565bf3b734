using System.Text;
using Kiln.Diagnostics;
using Kiln.Registry.Auth;

namespace Kiln.Tests.Registry;

public sealed class TokenResponseTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"token":"abc","expires_in":300}""", "abc", 300)]
    [InlineData("""{"access_token":"xyz","expires_in":3600}""", "xyz", 3600)]
    [InlineData("""{"token":"abc","access_token":"ignored"}""", "abc", 60)]
    [InlineData("""{"token":"short","expires_in":5}""", "short", 60)]
    [InlineData("""{"token":"neg","expires_in":-1}""", "neg", 60)]
    [InlineData("""{"token":"str","expires_in":"300"}""", "str", 60)]
    public void TokensAndLifetimesAreRead(string json, string token, int seconds)
    {
        var parsed = TokenClient.Parse(Encoding.UTF8.GetBytes(json), "reg", Now);

        Assert.Equal(token, parsed.Value);
        Assert.Equal(Now.AddSeconds(seconds), parsed.ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"token":""}""")]
    [InlineData("""{"token":5}""")]
    public void InvalidAnswersNameTheRegistry(string json)
    {
        var ex = Assert.Throws<KilnException>(() => TokenClient.Parse(Encoding.UTF8.GetBytes(json), "reg.example", Now));

        Assert.Equal(ErrorCodes.TokenRequestFailed, ex.Code);
        Assert.Contains("reg.example", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokensAreNotPrinted() =>
        Assert.DoesNotContain("secret-token", new BearerToken("secret-token", Now).ToString(), StringComparison.Ordinal);
}
