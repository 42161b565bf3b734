using System.Text;
using Kiln.Diagnostics;
using Kiln.Registry.Credentials;

namespace Kiln.Tests.Registry;

public sealed class DockerConfigParserTests
{
    private const string Path = "/home/u/.docker/config.json";

    public static TheoryData<string, string> MalformedConfigs() => new()
    {
        { "not json", "{auths" },
        { "top level array", "[]" },
        { "auths not an object", """{"auths":[]}""" },
        { "auth entry not an object", """{"auths":{"r":"x"}}""" },
        { "auth not base64", """{"auths":{"r":{"auth":"%%%"}}}""" },
        { "auth without colon", Auth("r", B64("userpass")) },
        { "auth with empty user", Auth("r", B64(":pass")) },
        { "auth not utf-8", Auth("r", Convert.ToBase64String([0xff, 0xfe, 0x3a, 0x41])) },
        { "username not a string", """{"auths":{"r":{"username":1}}}""" },
        { "credsStore not a string", """{"credsStore":true}""" },
        { "credsStore with a path", """{"credsStore":"../../bin/sh"}""" },
        { "credHelpers not an object", """{"credHelpers":"x"}""" },
        { "credHelper with a slash", """{"credHelpers":{"r":"a/b"}}""" },
    };

    [Fact]
    public void InlineAuthDecodesToUsernameAndPassword()
    {
        var config = Parse(Auth("https://index.docker.io/v1/", B64("alice:pa:ss")));

        var credential = config.FindAuth("docker.io");

        Assert.Equal(new RegistryCredential("alice", "pa:ss"), credential);
    }

    [Fact]
    public void UsernamePasswordAndIdentityTokenFieldsAreRead()
    {
        var config = Parse("""
            {
              // comments and trailing commas appear in hand-edited files
              "auths": {
                "reg.example:5000": {"username": "bob", "password": "pw"},
                "http://oauth.example": {"identitytoken": "refresh-me"},
              },
            }
            """);

        Assert.Equal(new RegistryCredential("bob", "pw"), config.FindAuth("reg.example:5000"));
        Assert.Equal(new RegistryCredential(null, null, "refresh-me"), config.FindAuth("oauth.example"));
        Assert.Null(config.FindAuth("other.example"));
    }

    [Fact]
    public void AByteOrderMarkIsSkipped()
    {
        var config = DockerConfigParser.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"credsStore":"pass"}""")], Path);

        Assert.Equal("pass", config.CredsStore);
    }

    [Fact]
    public void EmptyEntriesAsWrittenNextToACredsStoreAreIgnored()
    {
        var config = Parse("""{"auths":{"reg":{}},"credsStore":"desktop","credHelpers":{"gcr.io":"gcloud"}}""");

        Assert.Null(config.FindAuth("reg"));
        Assert.Equal("desktop", config.CredsStore);
        Assert.Equal("gcloud", config.FindHelper("gcr.io"));
        Assert.Null(config.FindHelper("reg"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("{}")]
    [InlineData("""{"auths":null,"credsStore":null}""")]
    public void EmptyConfigsHaveNoCredentials(string json)
    {
        var config = Parse(json);

        Assert.Empty(config.Auths);
        Assert.Null(config.CredsStore);
        Assert.Empty(config.CredHelpers);
    }

    [Theory]
    [MemberData(nameof(MalformedConfigs))]
    public void MalformedConfigsNameTheFile(string name, string json)
    {
        var ex = Assert.Throws<KilnException>(() => Parse(json));

        Assert.Equal(ErrorCodes.InvalidDockerConfig, ex.Code);
        Assert.Contains(Path, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Theory]
    [InlineData("https://index.docker.io/v1/", "docker.io", true)]
    [InlineData("index.docker.io", "registry-1.docker.io", true)]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1:5000", true)]
    [InlineData("https://reg.example/v2/", "reg.example", true)]
    [InlineData("REG.EXAMPLE", "reg.example", true)]
    [InlineData("reg.example:5000", "reg.example", false)]
    [InlineData("reg.example", "reg.example.evil", false)]
    public void ConfigKeysMatchRegistryHosts(string key, string registry, bool matches) =>
        Assert.Equal(matches, RegistryKeys.Matches(key, registry));

    [Theory]
    [InlineData("docker.io", "https://index.docker.io/v1/")]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000")]
    public void HelpersAreAskedForDockersServerUrl(string registry, string serverUrl) =>
        Assert.Equal(serverUrl, RegistryKeys.ServerUrlFor(registry));

    private static DockerConfig Parse(string json) => DockerConfigParser.Parse(Encoding.UTF8.GetBytes(json), Path);

    private static string Auth(string key, string auth) => "{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth + "\"}}}";

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
}
