using System.Collections.Immutable;
using Kiln.Registry;

namespace Kiln.Cli;

/// <summary>Builds the services commands share from the process environment, in one place.</summary>
internal static class CliEnvironment
{
    /// <summary>
    /// A registry client with the user's Docker credentials. Registries in KILN_INSECURE_REGISTRIES
    /// (comma-separated host[:port]) are reached over plain HTTP, like loopback ones always are.
    /// </summary>
    public static RegistryClient CreateRegistryClient()
    {
        var insecure = (Environment.GetEnvironmentVariable("KILN_INSECURE_REGISTRIES") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new RegistryOptions
        {
            InsecureRegistries = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, insecure),
        };
        return RegistryClient.Create(options);
    }
}
