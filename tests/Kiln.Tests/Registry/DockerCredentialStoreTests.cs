using System.Text;
using Kiln.Diagnostics;
using Kiln.Registry.Credentials;

namespace Kiln.Tests.Registry;

/// <summary>Credential lookup through config.json and real credential-helper executables (shell scripts on a private PATH).</summary>
public sealed class DockerCredentialStoreTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("kiln-home-").FullName;
    private readonly string bin;

    public DockerCredentialStoreTests()
    {
        bin = Path.Combine(home, "bin");
        Directory.CreateDirectory(bin);
        Helper("test", """
            read server
            case "$server" in
              reg.example) printf '{"ServerURL":"reg.example","Username":"helper-user","Secret":"helper-pw"}' ;;
              https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"<token>","Secret":"identity"}' "$server" ;;
              broken.example) echo 'not json' ;;
              fail.example) echo 'keychain locked' >&2; exit 3 ;;
              *) echo 'credentials not found in native keychain'; exit 1 ;;
            esac
            """);
    }

    public void Dispose() => Directory.Delete(home, recursive: true);

    [Fact]
    public async Task HomeDockerConfigIsReadWhenDockerConfigIsUnset()
    {
        Directory.CreateDirectory(Path.Combine(home, ".docker"));
        await File.WriteAllTextAsync(Path.Combine(home, ".docker", "config.json"), """{"auths":{"reg.example":{"username":"u","password":"p"}}}""");

        var credential = await Store(dockerConfig: null).GetAsync("reg.example", CancellationToken.None);

        Assert.Equal(new RegistryCredential("u", "p"), credential);
    }

    [Fact]
    public async Task DockerConfigVariableWinsOverHome()
    {
        var dir = Config("""{"auths":{"reg.example":{"username":"from-env","password":"p"}}}""");
        Directory.CreateDirectory(Path.Combine(home, ".docker"));
        await File.WriteAllTextAsync(Path.Combine(home, ".docker", "config.json"), """{"auths":{"reg.example":{"username":"from-home","password":"p"}}}""");

        var credential = await Store(dir).GetAsync("reg.example", CancellationToken.None);

        Assert.Equal("from-env", credential?.Username);
    }

    [Fact]
    public async Task MissingConfigMeansAnonymous() =>
        Assert.Null(await Store(Path.Combine(home, "nowhere")).GetAsync("reg.example", CancellationToken.None));

    [Fact]
    public async Task CredHelperForTheRegistryIsRun()
    {
        var store = Store(Config("""{"credHelpers":{"reg.example":"test"},"auths":{"reg.example":{"username":"inline","password":"x"}}}"""));

        Assert.Equal(new RegistryCredential("helper-user", "helper-pw"), await store.GetAsync("reg.example", CancellationToken.None));
    }

    [Fact]
    public async Task CredsStoreAnswersTokenUsernameWithAnIdentityToken()
    {
        var store = Store(Config("""{"credsStore":"test"}"""));

        Assert.Equal(new RegistryCredential(null, null, "identity"), await store.GetAsync("docker.io", CancellationToken.None));
    }

    [Fact]
    public async Task CredsStoreWithoutAnEntryFallsBackToInlineAuths()
    {
        var store = Store(Config("""{"credsStore":"test","auths":{"other.example":{"username":"inline","password":"x"}}}"""));

        Assert.Equal("inline", (await store.GetAsync("other.example", CancellationToken.None))?.Username);
        Assert.Null(await store.GetAsync("none.example", CancellationToken.None));
    }

    [Theory]
    [InlineData("broken.example")]
    [InlineData("fail.example")]
    public async Task HelperFailuresNameTheHelperAndServer(string registry)
    {
        var store = Store(Config($"{{\"credHelpers\":{{\"{registry}\":\"test\"}}}}"));

        var ex = await Assert.ThrowsAsync<KilnException>(async () => await store.GetAsync(registry, CancellationToken.None));

        Assert.Equal(ErrorCodes.CredentialHelperFailed, ex.Code);
        Assert.Contains("docker-credential-test", ex.Message, StringComparison.Ordinal);
        Assert.Contains(registry, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHelperMissingFromPathIsAClearError()
    {
        var store = Store(Config("""{"credHelpers":{"reg.example":"absent"}}"""));

        var ex = await Assert.ThrowsAsync<KilnException>(async () => await store.GetAsync("reg.example", CancellationToken.None));

        Assert.Equal(ErrorCodes.CredentialHelperFailed, ex.Code);
        Assert.Contains("docker-credential-absent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedConfigFailsNamingIt()
    {
        var dir = Config("{\"auths\":");

        var ex = await Assert.ThrowsAsync<KilnException>(async () => await Store(dir).GetAsync("reg.example", CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidDockerConfig, ex.Code);
        Assert.Contains(Path.Combine(dir, "config.json"), ex.Message, StringComparison.Ordinal);
    }

    private DockerCredentialStore Store(string? dockerConfig)
    {
        var variables = new Dictionary<string, string> { ["HOME"] = home, ["PATH"] = $"{bin}:/usr/bin:/bin" };
        if (dockerConfig is not null)
        {
            variables["DOCKER_CONFIG"] = dockerConfig;
        }

        return new DockerCredentialStore(CredentialEnvironment.FromDictionary(variables));
    }

    private string Config(string json)
    {
        var dir = Directory.CreateTempSubdirectory("kiln-docker-config-").FullName;
        File.WriteAllText(Path.Combine(dir, "config.json"), json, Encoding.UTF8);
        return dir;
    }

    private void Helper(string name, string body)
    {
        var path = Path.Combine(bin, "docker-credential-" + name);
        File.WriteAllText(path, "#!/bin/sh\n[ \"$1\" = get ] || exit 64\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
