using System.Diagnostics;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Registry;
using Kiln.Registry.Credentials;

namespace Kiln.IntegrationTests.Registry;

/// <summary>A registry instance protected by an htpasswd (bcrypt) file: Basic authentication with credentials from docker config.</summary>
public sealed class BasicAuthTests : IClassFixture<BasicAuthTests.HtpasswdRegistry>
{
    private const string User = "kiln";
    private const string Password = "s3cret-pass";
    private readonly HtpasswdRegistry registry;

    public BasicAuthTests(HtpasswdRegistry registry) => this.registry = registry;

    [Fact]
    public async Task InlineAuthFromDockerConfigPushesAndPulls()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        using var client = LocalRegistry.Client(credentials: LocalRegistry.CredentialsFromConfig(LocalRegistry.AuthsConfig("http://" + registry.Address, ("auth", auth)), out _));
        var repo = LocalRegistry.NewRepository("basic", registry.Address);
        var (blob, bytes) = LocalRegistry.RandomBlob(20_000);

        Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
        var (pushed, _) = await TestImages.PushImageAsync(client, repo.WithTag("v1"));

        Assert.Equal(pushed, await client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));
    }

    [Fact]
    public async Task UsernameAndPasswordFieldsWorkToo()
    {
        using var client = LocalRegistry.Client(credentials: LocalRegistry.CredentialsFromConfig(
            LocalRegistry.AuthsConfig(registry.Address, ("username", User), ("password", Password)), out _));
        var repo = LocalRegistry.NewRepository("basic-fields", registry.Address);

        Assert.Empty(await client.ListReferrersAsync(repo, Kiln.Oci.Digest.Sha256("x"u8), null, CancellationToken.None));
    }

    [Fact]
    public async Task CredentialHelperOnPathSuppliesTheCredentials()
    {
        var bin = Directory.CreateTempSubdirectory("kiln-helper-bin-").FullName;
        var helper = Path.Combine(bin, "docker-credential-kilntest");
        await File.WriteAllTextAsync(helper, $$$"""
            #!/bin/sh
            [ "$1" = get ] || exit 1
            read server
            [ "$server" = "{{{registry.Address}}}" ] || { echo "credentials not found in native keychain"; exit 1; }
            printf '{"ServerURL":"%s","Username":"{{{User}}}","Secret":"{{{Password}}}"}' "$server"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var configDir = Directory.CreateTempSubdirectory("kiln-docker-config-").FullName;
        await File.WriteAllTextAsync(Path.Combine(configDir, "config.json"), "{\"credHelpers\":{\"" + registry.Address + "\":\"kilntest\"}}");
        var environment = CredentialEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["DOCKER_CONFIG"] = configDir,
            ["PATH"] = bin + ":/usr/bin:/bin",
        });
        using var client = LocalRegistry.Client(credentials: new DockerCredentialStore(environment));
        var repo = LocalRegistry.NewRepository("helper", registry.Address);
        var (blob, bytes) = LocalRegistry.RandomBlob(1000);

        Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
    }

    [Fact]
    public async Task NoCredentialsIsUnauthorizedNamingTheRegistry()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("anon", registry.Address);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryUnauthorized, ex.Code);
        Assert.Contains(registry.Address, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsUnauthorized()
    {
        using var client = LocalRegistry.Client(credentials: LocalRegistry.CredentialsFromConfig(
            LocalRegistry.AuthsConfig(registry.Address, ("username", User), ("password", "wrong")), out _));
        var repo = LocalRegistry.NewRepository("wrongpw", registry.Address);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryUnauthorized, ex.Code);
    }

    /// <summary>A registry with an htpasswd file written by the htpasswd tool (apache2-utils, installed by scripts/setup.sh).</summary>
    public sealed class HtpasswdRegistry : IDisposable
    {
        private readonly RegistryProcess process;

        public HtpasswdRegistry()
        {
            var htpasswd = new[] { "/usr/bin/htpasswd", "/usr/local/bin/htpasswd" }.FirstOrDefault(File.Exists);
            Assert.True(htpasswd is not null, "htpasswd (apache2-utils) is not installed; run scripts/setup.sh");
            var directory = Directory.CreateTempSubdirectory("kiln-registry-basic-").FullName;
            var file = Path.Combine(directory, "htpasswd");
            using (var tool = Process.Start(new ProcessStartInfo(htpasswd!, ["-Bbc", file, User, Password]) { RedirectStandardError = true, RedirectStandardOutput = true })!)
            {
                tool.WaitForExit();
                Assert.Equal(0, tool.ExitCode);
            }

            process = RegistryProcess.Start($"""
                auth:
                  htpasswd:
                    realm: kiln-basic
                    path: {file}
                """, directory);
        }

        public string Address => process.Address;

        public void Dispose() => process.Dispose();
    }
}
