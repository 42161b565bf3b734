using System.Collections.Immutable;

namespace Kiln.Registry.Credentials;

/// <summary>The credential-related parts of a Docker CLI config.json: inline auths, the default store and per-registry helpers.</summary>
internal sealed record DockerConfig(
    ImmutableDictionary<string, RegistryCredential> Auths,
    string? CredsStore,
    ImmutableDictionary<string, string> CredHelpers)
{
    public static readonly DockerConfig Empty = new(
        ImmutableDictionary<string, RegistryCredential>.Empty,
        null,
        ImmutableDictionary<string, string>.Empty);

    /// <summary>The inline credential whose key names this registry (keys may be URLs such as https://index.docker.io/v1/).</summary>
    public RegistryCredential? FindAuth(string registry)
    {
        foreach (var (key, credential) in Auths)
        {
            if (RegistryKeys.Matches(key, registry))
            {
                return credential;
            }
        }

        return null;
    }

    public string? FindHelper(string registry)
    {
        foreach (var (key, helper) in CredHelpers)
        {
            if (RegistryKeys.Matches(key, registry))
            {
                return helper;
            }
        }

        return null;
    }
}
