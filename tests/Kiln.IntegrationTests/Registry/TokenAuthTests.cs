using System.Text;
using Kiln.Diagnostics;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Registry;

/// <summary>A registry in token mode trusting <see cref="TokenServer"/>: bearer tokens are fetched per scope, reused, and refreshed.</summary>
public sealed class TokenAuthTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kiln-registry-token-").FullName;
    private readonly TokenServer tokens;
    private readonly RegistryProcess registry;

    public TokenAuthTests()
    {
        tokens = new TokenServer(directory, requiredBasic: "robot:pw");
        registry = RegistryProcess.Start(tokens.RegistryAuthConfig, directory);
    }

    public void Dispose()
    {
        registry.Dispose();
        tokens.Dispose();
    }

    [Fact]
    public async Task TokensAreFetchedOncePerScopeAndReused()
    {
        using var client = LocalRegistry.Client(credentials: Credentials());
        var repo = LocalRegistry.NewRepository("token", registry.Address);

        for (var i = 0; i < 3; i++)
        {
            var (blob, bytes) = LocalRegistry.RandomBlob(2000);
            Assert.Equal(BlobPushResult.Uploaded, await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None));
        }

        var (pushed, _) = await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        Assert.Equal(pushed, await client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));

        var scopes = tokens.Requests.Select(q => Uri.UnescapeDataString(q)).ToList();
        Assert.Single(scopes, q => q.Contains($"scope=repository:{repo.Repository}:pull,push", StringComparison.Ordinal));
        Assert.Single(scopes, q => q.EndsWith($"scope=repository:{repo.Repository}:pull", StringComparison.Ordinal));
        Assert.All(scopes, q => Assert.Contains($"service={TokenServer.Service}", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATokenTheRegistryRejectsIsReplacedOnce()
    {
        using var client = LocalRegistry.Client(credentials: Credentials());
        var repo = LocalRegistry.NewRepository("expired", registry.Address);
        tokens.IssueExpired(1);

        var exists = await client.BlobExistsAsync(repo, Kiln.Oci.Digest.Sha256("nothing"u8), CancellationToken.None);

        Assert.False(exists);
        Assert.Equal(2, tokens.Requests.Count);
    }

    [Fact]
    public async Task AnExpiredTokenIsRenewedBeforeUse()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var client = LocalRegistry.Client(credentials: Credentials(), time: clock);
        var repo = LocalRegistry.NewRepository("renew", registry.Address);
        var digest = Kiln.Oci.Digest.Sha256("nothing"u8);

        await client.BlobExistsAsync(repo, digest, CancellationToken.None);
        await client.BlobExistsAsync(repo, digest, CancellationToken.None);
        var before = tokens.Requests.Count;
        clock.Advance(TimeSpan.FromMinutes(10));
        await client.BlobExistsAsync(repo, digest, CancellationToken.None);

        Assert.Equal(1, before);
        Assert.Equal(2, tokens.Requests.Count);
    }

    [Fact]
    public async Task TheTokenServiceRefusingCredentialsIsUnauthorized()
    {
        using var client = LocalRegistry.Client(credentials: LocalRegistry.CredentialsFromConfig(
            LocalRegistry.AuthsConfig(registry.Address, ("username", "robot"), ("password", "wrong")), out _));
        var repo = LocalRegistry.NewRepository("refused", registry.Address);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryUnauthorized, ex.Code);
        Assert.Contains(registry.Address, ex.Message, StringComparison.Ordinal);
    }

    private Kiln.Registry.Credentials.DockerCredentialStore Credentials()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("robot:pw"));
        return LocalRegistry.CredentialsFromConfig(LocalRegistry.AuthsConfig(registry.Address, ("auth", auth)), out _);
    }
}
