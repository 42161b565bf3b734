using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Registry.Credentials;

namespace Kiln.Registry.Auth;

/// <summary>
/// Asks a registry's token service (the Bearer challenge's realm) for a token: GET with service and scope
/// parameters (Basic credentials when known), or the OAuth2 refresh_token grant when an identity token is stored.
/// </summary>
internal sealed class TokenClient(HttpClient http, RetryPolicies retries, TimeProvider time)
{
    private const int MaxResponseBytes = 1024 * 1024;
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(1);

    public async Task<BearerToken> FetchAsync(
        string registry, AuthChallenge challenge, IReadOnlyList<string> scopes, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var realm = RealmOf(registry, challenge);
        var requestedAt = time.GetUtcNow();
        using var response = await SendAsync(registry, realm, challenge.Service, scopes, credential, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new KilnException(
                ErrorCodes.RegistryUnauthorized,
                $"the token service {realm.GetLeftPart(UriPartial.Path)} for {registry} refused {(credential is null ? "anonymous access" : "the stored credentials")} ({(int)response.StatusCode}) for {string.Join(' ', scopes)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new KilnException(ErrorCodes.TokenRequestFailed, $"the token service {realm.GetLeftPart(UriPartial.Path)} for {registry} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Parse(body, registry, requestedAt);
    }

    /// <summary>Reads {"token"|"access_token", "expires_in"}; tokens live at least 60 seconds, as Docker assumes.</summary>
    public static BearerToken Parse(ReadOnlySpan<byte> body, string registry, DateTimeOffset requestedAt)
    {
        if (body.Length > MaxResponseBytes)
        {
            throw Invalid(registry, "the response is too large");
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(registry, "the response is not a JSON object");
            }

            var token = StringOrNull(root, "token") ?? StringOrNull(root, "access_token");
            if (string.IsNullOrEmpty(token))
            {
                throw Invalid(registry, "the response has no token");
            }

            var lifetime = MinimumLifetime;
            if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number
                && expires.TryGetInt64(out var seconds) && seconds > MinimumLifetime.TotalSeconds)
            {
                lifetime = TimeSpan.FromSeconds(Math.Min(seconds, 365L * 24 * 3600));
            }

            return new BearerToken(token, requestedAt + lifetime);
        }
        catch (JsonException e)
        {
            throw Invalid(registry, $"the response is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Sends the token request with retries and a one-minute limit; an unreachable service is a KilnException.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        string registry, Uri realm, string? service, IReadOnlyList<string> scopes, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await retries.Request.ExecuteAsync(
                async ct =>
                {
                    using var request = CreateRequest(realm, service, scopes, credential);
                    return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                },
                linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
        {
            throw new KilnException(ErrorCodes.TokenRequestFailed, $"the token service {realm.GetLeftPart(UriPartial.Path)} for {registry} is unreachable: {e.Message}", inner: e);
        }
    }

    private static HttpRequestMessage CreateRequest(Uri realm, string? service, IReadOnlyList<string> scopes, RegistryCredential? credential)
    {
        if (credential is { HasIdentityToken: true })
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("grant_type", "refresh_token"),
                new("refresh_token", credential.IdentityToken!),
                new("client_id", "kiln"),
            };
            if (service is not null)
            {
                form.Add(new("service", service));
            }

            if (scopes.Count > 0)
            {
                form.Add(new("scope", string.Join(' ', scopes)));
            }

            return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
        }

        var query = new StringBuilder(realm.Query.TrimStart('?'));
        if (service is not null)
        {
            Append(query, "service", service);
        }

        foreach (var scope in scopes)
        {
            Append(query, "scope", scope);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(realm) { Query = query.ToString() }.Uri);
        if (credential is { HasPassword: true })
        {
            var raw = Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }

        return request;
    }

    private static Uri RealmOf(string registry, AuthChallenge challenge)
    {
        if (string.IsNullOrEmpty(challenge.Realm))
        {
            throw new KilnException(ErrorCodes.MalformedAuthChallenge, $"registry {registry} sent a Bearer challenge without a realm");
        }

        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || realm.Scheme is not ("http" or "https"))
        {
            throw new KilnException(ErrorCodes.MalformedAuthChallenge, $"registry {registry} sent a Bearer challenge whose realm \"{challenge.Realm}\" is not an http(s) URL");
        }

        return realm;
    }

    private static void Append(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static KilnException Invalid(string registry, string detail) =>
        new(ErrorCodes.TokenRequestFailed, $"the token service for {registry} gave an invalid answer: {detail}");
}
