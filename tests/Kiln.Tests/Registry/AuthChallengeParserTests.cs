using System.Net;
using Kiln.Diagnostics;
using Kiln.Registry.Auth;

namespace Kiln.Tests.Registry;

public sealed class AuthChallengeParserTests
{
    public static TheoryData<string, string> ValidRows() => Rows("challenges-valid.txt");

    public static TheoryData<string, string> MalformedRows() => Rows("challenges-malformed.txt");

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void ValidHeadersParseToTheirChallenges(string header, string expected)
    {
        Assert.True(AuthChallengeParser.TryParse(header, out var challenges, out var error), error);

        Assert.Equal(Normalize(expected), string.Join(" / ", challenges.Select(Describe)));
    }

    [Theory]
    [MemberData(nameof(MalformedRows))]
    public void MalformedHeadersAreRejectedWithAReason(string header, string why)
    {
        header = header.Replace("\\u0001", "\u0001", StringComparison.Ordinal);

        Assert.False(AuthChallengeParser.TryParse(header, out _, out var error), why);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void AnOversizedHeaderIsRejected() =>
        Assert.False(AuthChallengeParser.TryParse("Bearer realm=\"" + new string('a', 20_000) + "\"", out _, out _));

    [Fact]
    public void ChallengesFromSeveralHeaderValuesAreCombined()
    {
        Assert.True(AuthChallengeParser.TryParse(["Basic realm=\"b\"", "Bearer realm=\"r\""], out var challenges, out _));

        Assert.Equal(["basic", "bearer"], challenges.Select(c => c.Scheme));
    }

    [Fact]
    public void ScopesSplitOnSpaces()
    {
        Assert.True(AuthChallengeParser.TryParse("Bearer realm=\"r\",scope=\"repository:a:pull repository:b:push\"", out var challenges, out _));

        Assert.Equal(["repository:a:pull", "repository:b:push"], challenges[0].Scopes.ToArray());
    }

    [Theory]
    [InlineData("Bearer realm=\"unterminated", "MalformedAuthChallenge")]
    [InlineData("Bearer service=\"no-realm\"", "MalformedAuthChallenge")]
    [InlineData("Negotiate abc==", "RegistryUnauthorized")]
    [InlineData("", "RegistryUnauthorized")]
    public void ChoosingFromA401NamesTheRegistry(string header, string code)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        if (header.Length > 0)
        {
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", header);
        }

        var ex = Assert.Throws<KilnException>(() => RegistryAuthenticator.Choose("reg.example:5000", response));

        Assert.Equal(code, ex.Code.Name);
        Assert.Contains("reg.example:5000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BearerIsPreferredOverBasic()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"b\", Bearer realm=\"https://auth/token\",service=\"svc\"");

        var challenge = RegistryAuthenticator.Choose("reg", response);

        Assert.True(challenge.IsBearer);
        Assert.Equal("svc", challenge.Service);
    }

    /// <summary>Sorts each expected challenge's parameters, so data rows may list them in header order.</summary>
    private static string Normalize(string expected) =>
        string.Join(" / ", expected.Split(" / ").Select(c =>
        {
            var parts = c.Split(';');
            var token68 = parts.Skip(1).Where(p => p.StartsWith("token68=", StringComparison.Ordinal));
            var parameters = parts.Skip(1).Except(token68).Order(StringComparer.Ordinal);
            return string.Join(';', parts.Take(1).Concat(parameters).Concat(token68));
        }));

    private static string Describe(AuthChallenge challenge)
    {
        var parts = new List<string> { challenge.Scheme };
        parts.AddRange(challenge.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        if (challenge.Token68 is not null)
        {
            parts.Add($"token68={challenge.Token68}");
        }

        return string.Join(';', parts);
    }

    private static TheoryData<string, string> Rows(string file)
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine("testdata", "registry", file)))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var bar = line.LastIndexOf('|');
            data.Add(line[..bar], line[(bar + 1)..]);
        }

        return data;
    }
}
