using Kiln.Content;
using System.Collections.Immutable;
using Kiln.Registry;

namespace Kiln.Cli;

/// <summary>Builds the services commands share from the process environment, in one place.</summary>
internal static class CliEnvironment
{
    private static readonly AsyncLocal<Func<string, string?>?> Override = new();

    /// <summary>
    /// The environment commands read: the process's, unless a host (a test running the CLI in-process) set its own
    /// for the current call with <see cref="Use"/>.
    /// </summary>
    public static Func<string, string?> Variables => Override.Value ?? Environment.GetEnvironmentVariable;

    /// <summary>kiln's root directory from <see cref="Variables"/> (KILN_ROOT, else the default for this user).</summary>
    public static KilnPaths Paths => KilnPaths.Resolve(Variables, Environment.IsPrivilegedProcess);

    /// <summary>Makes <see cref="Variables"/> read <paramref name="variables"/> first, then the process, in this async flow.</summary>
    public static void Use(Func<string, string?> variables) =>
        Override.Value = name => variables(name) ?? Environment.GetEnvironmentVariable(name);

    /// <summary>
    /// A registry client with the user's Docker credentials. Registries in KILN_INSECURE_REGISTRIES
    /// (comma-separated host[:port]) are reached over plain HTTP, like loopback ones always are.
    /// </summary>
    public static RegistryClient CreateRegistryClient()
    {
        var insecure = (Variables("KILN_INSECURE_REGISTRIES") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new RegistryOptions
        {
            InsecureRegistries = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, insecure),
        };
        return RegistryClient.Create(options);
    }
}
