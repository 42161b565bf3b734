using Kiln.Diagnostics;

namespace Kiln.Export.Load;

/// <summary>
/// Where the Docker Engine API listens: <c>$DOCKER_HOST</c> (<c>unix://PATH</c> or <c>tcp://HOST:PORT</c>), else the
/// default socket <c>/var/run/docker.sock</c>.
/// </summary>
internal sealed record DockerEndpoint(string Address, string? SocketPath, Uri BaseAddress)
{
    public const string DefaultSocket = "/var/run/docker.sock";

    public static DockerEndpoint Default { get; } = Unix(DefaultSocket);

    public static DockerEndpoint FromEnvironment() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>Reads <c>DOCKER_HOST</c> from an injected environment.</summary>
    public static DockerEndpoint Resolve(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var host = getEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(host))
        {
            return Default;
        }

        if (host.StartsWith("unix://", StringComparison.Ordinal) && host.Length > "unix://".Length)
        {
            return Unix(host["unix://".Length..]);
        }

        if (host.StartsWith("tcp://", StringComparison.Ordinal)
            && Uri.TryCreate("http://" + host["tcp://".Length..].TrimEnd('/') + "/", UriKind.Absolute, out var http))
        {
            return new DockerEndpoint(host, null, http);
        }

        throw new KilnException(
            ErrorCodes.DockerEngineUnreachable,
            $"DOCKER_HOST={host} is not supported for loading images (use unix:///path/to/docker.sock or tcp://host:port), or write the image with --output type=docker,dest=FILE");
    }

    private static DockerEndpoint Unix(string path) => new("unix://" + path, path, new Uri("http://docker/"));
}
