using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Registry.Credentials;

namespace Kiln.Registry.Auth;

/// <summary>
/// Decides the Authorization header for each registry request: none until the registry challenges, then Basic
/// with stored credentials or a cached Bearer token for the request's scopes, refreshed when rejected.
/// </summary>
internal sealed class RegistryAuthenticator(ICredentialStore credentials, TokenClient tokens, TokenCache cache)
{
    private readonly ConcurrentDictionary<string, AuthChallenge> challenges = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The header for a request, or null while the registry has not asked for authentication.</summary>
    public async ValueTask<AuthenticationHeaderValue?> AuthorizeAsync(string registry, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        if (!challenges.TryGetValue(registry, out var challenge))
        {
            return null;
        }

        var credential = await credentials.GetAsync(registry, cancellationToken).ConfigureAwait(false);
        if (challenge.IsBasic)
        {
            return credential is { HasPassword: true } ? Basic(credential) : null;
        }

        var tokenScopes = scopes.Count > 0 ? scopes : challenge.Scopes;
        if (PushTokenFor(registry, tokenScopes) is { } pushToken)
        {
            return new AuthenticationHeaderValue("Bearer", pushToken.Value);
        }

        var key = TokenCache.Key(registry, tokenScopes);
        var token = await cache.GetOrFetchAsync(
            key,
            () => tokens.FetchAsync(registry, challenge, tokenScopes, credential, CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token.Value);
    }

    /// <summary>
    /// Records the challenge of a 401 answer and forgets a rejected token. Returns whether sending again with
    /// fresh authorization can succeed; throws when the challenge is malformed or cannot be answered.
    /// </summary>
    public async ValueTask<bool> OnUnauthorizedAsync(
        string registry, IReadOnlyList<string> scopes, HttpResponseMessage response, AuthenticationHeaderValue? sent, CancellationToken cancellationToken)
    {
        var challenge = Choose(registry, response);
        challenges[registry] = challenge;
        if (challenge.IsBasic)
        {
            var credential = await credentials.GetAsync(registry, cancellationToken).ConfigureAwait(false);
            if (credential is not { HasPassword: true })
            {
                throw new KilnException(ErrorCodes.RegistryUnauthorized, $"registry {registry} requires a username and password (Basic authentication) and none is stored in the docker config");
            }

            return sent is null || !string.Equals(sent.Scheme, "Basic", StringComparison.OrdinalIgnoreCase);
        }

        if (sent is not null && string.Equals(sent.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && sent.Parameter is { } rejected)
        {
            cache.Invalidate(TokenCache.Key(registry, scopes.Count > 0 ? scopes : challenge.Scopes), rejected);
        }

        return true;
    }

    /// <summary>Parses the WWW-Authenticate header of a 401 and picks the Bearer challenge, else the Basic one.</summary>
    public static AuthChallenge Choose(string registry, HttpResponseMessage response)
    {
        var values = response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var raw) ? raw.ToArray() : [];
        if (values.Length == 0)
        {
            throw new KilnException(ErrorCodes.RegistryUnauthorized, $"registry {registry} answered 401 Unauthorized without a WWW-Authenticate challenge");
        }

        if (!AuthChallengeParser.TryParse(values, out var parsed, out var error))
        {
            throw new KilnException(ErrorCodes.MalformedAuthChallenge, $"registry {registry} sent a malformed WWW-Authenticate header ({error}): {Shorten(string.Join(", ", values))}");
        }

        var bearer = parsed.FirstOrDefault(c => c.IsBearer);
        if (bearer is not null)
        {
            if (string.IsNullOrEmpty(bearer.Realm))
            {
                throw new KilnException(ErrorCodes.MalformedAuthChallenge, $"registry {registry} sent a Bearer challenge without a realm: {Shorten(string.Join(", ", values))}");
            }

            return bearer;
        }

        return parsed.FirstOrDefault(c => c.IsBasic)
            ?? throw new KilnException(ErrorCodes.RegistryUnauthorized, $"registry {registry} asks for unsupported authentication scheme(s): {string.Join(", ", parsed.Select(c => c.Scheme))}");
    }

    /// <summary>A cached pull,push token that also covers a lone pull scope, so a push session's reads need no second token.</summary>
    private BearerToken? PushTokenFor(string registry, IReadOnlyList<string> scopes)
    {
        if (scopes.Count != 1 || !scopes[0].StartsWith("repository:", StringComparison.Ordinal) || !scopes[0].EndsWith(":pull", StringComparison.Ordinal))
        {
            return null;
        }

        return cache.Peek(TokenCache.Key(registry, [scopes[0] + ",push"]));
    }

    private static AuthenticationHeaderValue Basic(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "...";
}
