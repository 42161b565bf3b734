namespace Kiln.Registry.Credentials;

/// <summary>
/// The process environment as credential lookup sees it (HOME, DOCKER_CONFIG, PATH), injected so that tests
/// and callers never depend on ambient state.
/// </summary>
internal sealed class CredentialEnvironment(Func<string, string?> getVariable)
{
    public static CredentialEnvironment FromProcess() => new(Environment.GetEnvironmentVariable);

    public static CredentialEnvironment FromDictionary(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null);

    public string? Get(string name) => getVariable(name);

    /// <summary>$DOCKER_CONFIG/config.json, else $HOME/.docker/config.json; null when neither is known.</summary>
    public string? DockerConfigPath()
    {
        var dir = Get("DOCKER_CONFIG");
        if (!string.IsNullOrEmpty(dir))
        {
            return Path.Combine(dir, "config.json");
        }

        var home = Get("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".docker", "config.json");
    }

    /// <summary>Finds an executable by name on this environment's PATH.</summary>
    public string? FindExecutable(string name)
    {
        var path = Get("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
