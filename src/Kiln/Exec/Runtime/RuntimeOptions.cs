using Kiln.Content;
using Kiln.Diagnostics;

namespace Kiln.Exec.Runtime;

/// <summary>
/// Which OCI runtime kiln runs and where its state lives: runc by default, or what <c>KILN_RUNTIME</c> names
/// (<c>crun</c>, or a path). Container state goes under <c>$KILN_ROOT/runc</c> (a kiln-only <c>--root</c>, so
/// stale containers are found), bundles (config.json, hosts, resolv.conf, secrets, agent sockets) on a tmpfs under
/// <c>/dev/shm/kiln</c>, disk scratch space (rw bind upper directories) under <c>$KILN_ROOT/exec</c>.
/// </summary>
internal sealed record RuntimeOptions(string Binary, string StateRoot, string BundlesRoot, string CacheMountsRoot, string MemoryRoot)
{
    public const string RuntimeVariable = "KILN_RUNTIME";
    public const string DefaultRuntime = "runc";
    public const string DefaultMemoryRoot = "/dev/shm/kiln";

    public static RuntimeOptions FromEnvironment() =>
        Create(KilnPaths.FromEnvironment(), Environment.GetEnvironmentVariable);

    public static RuntimeOptions Create(KilnPaths paths, Func<string, string?> getEnvironmentVariable, string? runtime = null)
    {
        runtime ??= getEnvironmentVariable(RuntimeVariable);
        var binary = FindBinary(string.IsNullOrEmpty(runtime) ? DefaultRuntime : runtime, getEnvironmentVariable("PATH"));
        return new RuntimeOptions(
            binary,
            Path.Combine(paths.Root, "runc"),
            Path.Combine(paths.Root, "exec"),
            Path.Combine(paths.Root, "cache-mounts"),
            DefaultMemoryRoot);
    }

    /// <summary>Resolves a runtime name through PATH (plus the sbin directories Debian installs runc into).</summary>
    public static string FindBinary(string runtime, string? searchPath)
    {
        if (runtime.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(runtime) ? Path.GetFullPath(runtime) : throw NotFound(runtime);
        }

        var directories = (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, runtime);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw NotFound(runtime);
    }

    private static KilnException NotFound(string runtime) => new(
        ErrorCodes.RuntimeNotFound,
        $"OCI runtime {runtime} not found: install it (apt-get install runc, or run scripts/setup.sh) or set {RuntimeVariable}");
}
