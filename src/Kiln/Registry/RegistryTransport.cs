using System.Net;
using System.Net.Http.Headers;
using Kiln.Diagnostics;
using Kiln.Registry.Auth;
using Kiln.Registry.Credentials;

namespace Kiln.Registry;

/// <summary>
/// Sends distribution API requests over one pooled HttpClient: adds authorization, answers 401 challenges
/// once with fresh credentials, and retries transient failures through the request pipeline.
/// </summary>
internal sealed class RegistryTransport : IDisposable
{
    private const int MaxAuthAttempts = 3;
    private readonly HttpClient http;
    private readonly RegistryAuthenticator authenticator;

    public RegistryTransport(RegistryOptions options, ICredentialStore credentials, TimeProvider time, HttpMessageHandler? handler = null)
    {
        Options = options;
        Endpoints = new RegistryEndpoints(options);
        Retries = new RetryPolicies(options, time);
        http = new HttpClient(handler ?? CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
        var tokens = new TokenClient(http, Retries, time);
        authenticator = new RegistryAuthenticator(credentials, tokens, new TokenCache(time, options.TokenExpiryMargin));
    }

    public RegistryOptions Options { get; }

    public RegistryEndpoints Endpoints { get; }

    public RetryPolicies Retries { get; }

    /// <summary>Sends the request and returns the response once its headers arrive; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        var registry = request.Repository.Registry;
        for (var attempt = 1; ; attempt++)
        {
            var authorization = await authenticator.AuthorizeAsync(registry, request.Scopes, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            if (!request.Retry)
            {
                response = await SendOnceAsync(request, authorization, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    response = await Retries.Request.ExecuteAsync(ct => SendOnceAsync(request, authorization, ct), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    throw new KilnException(
                        ErrorCodes.RegistryRequestFailed,
                        $"{request.Method} {request.Uri.GetLeftPart(UriPartial.Path)} ({request.Repository.Name}) failed after {Options.MaxRetryAttempts + 1} attempts: {e.Message}",
                        inner: e);
                }
            }

            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            using (response)
            {
                var retry = await authenticator.OnUnauthorizedAsync(registry, request.Scopes, response, authorization, cancellationToken).ConfigureAwait(false);
                if (!retry || attempt >= MaxAuthAttempts)
                {
                    var detail = await RegistryErrors.ReadDetailAsync(response, cancellationToken).ConfigureAwait(false);
                    throw new KilnException(
                        ErrorCodes.RegistryUnauthorized,
                        $"{request.Method} {request.Repository.Name}: registry {registry} refused the credentials (401){(detail.Length > 0 ? ": " + detail : "")}");
                }
            }
        }
    }

    public void Dispose() => http.Dispose();

    private async ValueTask<HttpResponseMessage> SendOnceAsync(RegistryRequest request, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var message = request.CreateMessage();
        message.Headers.Authorization = authorization;
        return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static SocketsHttpHandler CreateHandler(RegistryOptions options) => new()
    {
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 10,
        UseCookies = false,
    };
}
