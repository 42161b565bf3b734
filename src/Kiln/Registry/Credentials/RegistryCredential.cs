namespace Kiln.Registry.Credentials;

/// <summary>What a user logged in with: a username and password, or an identity (refresh) token for OAuth2 registries.</summary>
internal sealed record RegistryCredential(string? Username, string? Password, string? IdentityToken = null)
{
    public bool HasPassword => !string.IsNullOrEmpty(Username) && Password is not null;

    public bool HasIdentityToken => !string.IsNullOrEmpty(IdentityToken);

    /// <summary>Keeps secrets out of logs and exception messages.</summary>
    public override string ToString() => $"RegistryCredential {{ Username = {Username} }}";
}
