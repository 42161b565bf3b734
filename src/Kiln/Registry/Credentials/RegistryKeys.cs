namespace Kiln.Registry.Credentials;

/// <summary>Matches the keys Docker writes in config.json ("https://index.docker.io/v1/", "http://host:5000") to registry hosts.</summary>
internal static class RegistryKeys
{
    /// <summary>The server URL Docker uses for Docker Hub credentials.</summary>
    public const string DockerHubServer = "https://index.docker.io/v1/";

    private static readonly string[] DockerHubHosts = ["docker.io", "index.docker.io", "registry-1.docker.io"];

    /// <summary>The host[:port] part of a config key: scheme and path removed, lower-cased.</summary>
    public static string HostOf(string key)
    {
        var host = key.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        return host.ToLowerInvariant();
    }

    public static bool Matches(string key, string registry)
    {
        var keyHost = HostOf(key);
        var host = registry.ToLowerInvariant();
        return keyHost == host || (IsDockerHub(keyHost) && IsDockerHub(host));
    }

    /// <summary>The server URL handed to a credential helper for a registry.</summary>
    public static string ServerUrlFor(string registry) => IsDockerHub(registry.ToLowerInvariant()) ? DockerHubServer : registry;

    private static bool IsDockerHub(string host) => DockerHubHosts.Contains(host);
}
