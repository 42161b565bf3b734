using System.Collections.Concurrent;

namespace Kiln.Registry.Credentials;

/// <summary>
/// Credentials as the Docker CLI stores them: a per-registry <c>credHelpers</c> entry wins, then the default
/// <c>credsStore</c>, then inline <c>auths</c>. The config file is read once, on first use.
/// </summary>
internal sealed class DockerCredentialStore(CredentialEnvironment environment) : ICredentialStore
{
    private readonly Lazy<Task<DockerConfig>> config = new(() => LoadAsync(environment));
    private readonly ConcurrentDictionary<string, Task<RegistryCredential?>> cache = new(StringComparer.OrdinalIgnoreCase);

    public static DockerCredentialStore FromProcess() => new(CredentialEnvironment.FromProcess());

    public ValueTask<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken)
    {
        var task = cache.GetOrAdd(registry, r => LookupAsync(r, CancellationToken.None));
        if (task.IsFaulted || task.IsCanceled)
        {
            cache.TryRemove(new KeyValuePair<string, Task<RegistryCredential?>>(registry, task));
        }

        return new ValueTask<RegistryCredential?>(task.WaitAsync(cancellationToken));
    }

    private async Task<RegistryCredential?> LookupAsync(string registry, CancellationToken cancellationToken)
    {
        var docker = await config.Value.ConfigureAwait(false);
        var serverUrl = RegistryKeys.ServerUrlFor(registry);
        if (docker.FindHelper(registry) is { Length: > 0 } helperName)
        {
            return await new CredentialHelper(helperName, environment).GetAsync(serverUrl, cancellationToken).ConfigureAwait(false);
        }

        if (docker.CredsStore is { } storeName)
        {
            var stored = await new CredentialHelper(storeName, environment).GetAsync(serverUrl, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                return stored;
            }
        }

        return docker.FindAuth(registry);
    }

    private static Task<DockerConfig> LoadAsync(CredentialEnvironment environment)
    {
        var path = environment.DockerConfigPath();
        return path is null ? Task.FromResult(DockerConfig.Empty) : DockerConfigParser.LoadAsync(path, CancellationToken.None);
    }
}
