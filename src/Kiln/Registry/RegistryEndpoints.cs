using System.Net;
using System.Net.Sockets;
using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>Builds the distribution API URLs of a registry, choosing plain HTTP for loopback, localhost and insecure hosts.</summary>
internal sealed class RegistryEndpoints(RegistryOptions options)
{
    public bool UsesPlainHttp(string registry)
    {
        if (options.InsecureRegistries.Contains(registry))
        {
            return true;
        }

        var host = HostWithoutPort(registry);
        if (options.InsecureRegistries.Contains(host) || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address)
            && IPAddress.IsLoopback(address)
            && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
    }

    /// <summary>The API base ("http://127.0.0.1:5000/v2/"); Docker Hub's API host replaces docker.io.</summary>
    public Uri BaseUri(Reference reference) => new($"{(UsesPlainHttp(reference.ApiHost) ? "http" : "https")}://{reference.ApiHost}/v2/");

    public Uri Manifest(Reference repository, string identifier) => Api(repository, $"manifests/{identifier}");

    public Uri Blob(Reference repository, Digest digest) => Api(repository, $"blobs/{digest}");

    public Uri Uploads(Reference repository) => Api(repository, "blobs/uploads/");

    public Uri Mount(Reference target, Digest digest, Reference source) =>
        Api(target, $"blobs/uploads/?mount={Uri.EscapeDataString(digest.ToString())}&from={Uri.EscapeDataString(source.Repository)}");

    public Uri Tags(Reference repository, int pageSize) => Api(repository, pageSize > 0 ? $"tags/list?n={pageSize}" : "tags/list");

    public Uri Referrers(Reference repository, Digest subject, string? artifactType) =>
        Api(repository, artifactType is null ? $"referrers/{subject}" : $"referrers/{subject}?artifactType={Uri.EscapeDataString(artifactType)}");

    /// <summary>Adds a query parameter to a URL that may already carry a query (upload Locations do).</summary>
    public static Uri WithQuery(Uri uri, string name, string value)
    {
        var builder = new UriBuilder(uri);
        var pair = $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?" ? pair : builder.Query.TrimStart('?') + "&" + pair;
        return builder.Uri;
    }

    private Uri Api(Reference repository, string rest) => new(BaseUri(repository), $"{repository.Repository}/{rest}");

    private static string HostWithoutPort(string registry)
    {
        if (registry.StartsWith('['))
        {
            var close = registry.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? registry[..(close + 1)] : registry;
        }

        var colon = registry.LastIndexOf(':');
        return colon > 0 ? registry[..colon] : registry;
    }
}
