using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Kiln.IntegrationTests.Registry;

/// <summary>
/// A token service for a registry in token-auth mode: issues RS256 JWTs (x5c header) signed by a test key whose
/// self-signed certificate the registry trusts through rootcertbundle. Grants the scopes asked for to anyone
/// who presents the expected Basic credentials (or to everyone when none are required).
/// </summary>
internal sealed class TokenServer : IDisposable
{
    public const string Service = "kiln-test-registry";
    public const string Issuer = "kiln-test-issuer";

    private readonly HttpListener listener = new();
    private readonly RSA key = RSA.Create(2048);
    private readonly X509Certificate2 certificate;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly Task loop;
    private int expiredToIssue;

    public TokenServer(string directory, string? requiredBasic = null)
    {
        RequiredBasic = requiredBasic;
        var request = new CertificateRequest("CN=kiln-test-token", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        RootCertBundle = Path.Combine(directory, "token-root.pem");
        File.WriteAllText(RootCertBundle, certificate.ExportCertificatePem());
        Address = $"127.0.0.1:{LocalRegistry.FreePort()}";
        listener.Prefixes.Add($"http://{Address}/");
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public string Address { get; }

    public string Realm => $"http://{Address}/token";

    public string RootCertBundle { get; }

    /// <summary>"user:password" a token request must present as Basic credentials; null allows anonymous.</summary>
    public string? RequiredBasic { get; }

    /// <summary>The query strings of the token requests served, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>The YAML auth section for a registry that trusts this server.</summary>
    public string RegistryAuthConfig => $"""
        auth:
          token:
            realm: {Realm}
            service: {Service}
            issuer: {Issuer}
            rootcertbundle: {RootCertBundle}
        """;

    /// <summary>The next <paramref name="count"/> tokens are already expired inside the JWT although the answer says otherwise.</summary>
    public void IssueExpired(int count) => Interlocked.Exchange(ref expiredToIssue, count);

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        certificate.Dispose();
        key.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                context.Response.Abort();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var query = context.Request.Url!.Query.TrimStart('?');
        requests.Enqueue(query);
        if (RequiredBasic is not null)
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RequiredBasic));
            if (context.Request.Headers["Authorization"] != expected)
            {
                context.Response.StatusCode = 401;
                context.Response.Close();
                return;
            }
        }

        var scopes = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == "scope")
            .Select(p => Uri.UnescapeDataString(p[1]));
        var expired = Interlocked.Decrement(ref expiredToIssue) >= 0;
        var token = Sign(scopes, expired);
        var body = Encoding.UTF8.GetBytes(JsonSerializerSafe(token));
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        context.Response.OutputStream.Write(body);
        context.Response.Close();
    }

    private string Sign(IEnumerable<string> scopes, bool expired)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Write(w =>
        {
            w.WriteString("typ", "JWT");
            w.WriteString("alg", "RS256");
            w.WriteStartArray("x5c");
            w.WriteStringValue(Convert.ToBase64String(certificate.RawData));
            w.WriteEndArray();
        });
        var claims = Write(w =>
        {
            w.WriteString("iss", Issuer);
            w.WriteString("sub", "kiln-test");
            w.WriteString("aud", Service);
            w.WriteNumber("exp", expired ? now - 600 : now + 300);
            w.WriteNumber("nbf", now - 900);
            w.WriteNumber("iat", now - 900);
            w.WriteString("jti", Guid.NewGuid().ToString("N"));
            w.WriteStartArray("access");
            foreach (var scope in scopes.SelectMany(s => s.Split(' ')))
            {
                var parts = scope.Split(':');
                if (parts.Length < 3)
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("type", parts[0]);
                w.WriteString("name", string.Join(':', parts[1..^1]));
                w.WriteStartArray("actions");
                foreach (var action in parts[^1].Split(','))
                {
                    w.WriteStringValue(action);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        var signingInput = Base64Url(header) + "." + Base64Url(claims);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string JsonSerializerSafe(string token) =>
        Encoding.UTF8.GetString(Write(w =>
        {
            w.WriteString("token", token);
            w.WriteNumber("expires_in", 300);
        }));

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
