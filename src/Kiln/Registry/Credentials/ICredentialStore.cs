namespace Kiln.Registry.Credentials;

/// <summary>Looks up the credential for a registry host ("127.0.0.1:5000", "docker.io"); null means anonymous.</summary>
internal interface ICredentialStore
{
    ValueTask<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken);
}
