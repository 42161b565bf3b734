using System.Net.Sockets;
using System.Security.Cryptography;
using Kiln.Oci;
using Kiln.Registry;
using Kiln.Registry.Credentials;

namespace Kiln.IntegrationTests.Registry;

/// <summary>The CNCF registry that scripts/setup.sh starts on 127.0.0.1:5000, plus helpers to make unique repositories and blobs.</summary>
internal static class LocalRegistry
{
    public static string Address => Environment.GetEnvironmentVariable("KILN_TEST_REGISTRY") is { Length: > 0 } a ? a : "127.0.0.1:5000";

    /// <summary>Fails (never skips) when the registry is not answering.</summary>
    public static void EnsureRunning() => EnsureRunning(Address);

    public static void EnsureRunning(string address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = http.GetAsync($"http://{address}/v2/").GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            Assert.Fail($"no registry answers on http://{address}/v2/ ({e.Message}); run scripts/setup.sh to start it");
        }
    }

    public static Reference NewRepository(string name, string? address = null) =>
        Reference.Parse($"{address ?? Address}/kiln-it/{name}-{Guid.NewGuid().ToString("N")[..12]}");

    public static (Descriptor Descriptor, byte[] Bytes) RandomBlob(int size, string mediaType = MediaType.OciLayer)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        return (Descriptor.ForBytes(mediaType, bytes), bytes);
    }

    public static RegistryClient Client(RegistryOptions? options = null, ICredentialStore? credentials = null, TimeProvider? time = null) =>
        new(options ?? new RegistryOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(20) }, credentials ?? new EmptyCredentials(), time ?? TimeProvider.System);

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A docker config.json in a fresh directory, as DOCKER_CONFIG would point to.</summary>
    public static DockerCredentialStore CredentialsFromConfig(string configJson, out string directory)
    {
        directory = Directory.CreateTempSubdirectory("kiln-docker-config-").FullName;
        File.WriteAllText(Path.Combine(directory, "config.json"), configJson);
        return new DockerCredentialStore(CredentialEnvironment.FromDictionary(new Dictionary<string, string> { ["DOCKER_CONFIG"] = directory }));
    }

    /// <summary>{"auths":{key:{field:value,...}}} as docker login writes it.</summary>
    public static string AuthsConfig(string key, params (string Name, string Value)[] fields)
    {
        var entry = string.Join(",", fields.Select(f => $"\"{f.Name}\":\"{f.Value}\""));
        return "{\"auths\":{\"" + key + "\":{" + entry + "}}}";
    }

    private sealed class EmptyCredentials : ICredentialStore
    {
        public ValueTask<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken) => new((RegistryCredential?)null);
    }
}
