using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Registry.Credentials;

/// <summary>
/// Runs a Docker credential helper (<c>docker-credential-NAME get</c>): the server URL on stdin, a JSON
/// object with Username and Secret on stdout. A Username of "&lt;token&gt;" marks the secret as an identity token.
/// </summary>
internal sealed class CredentialHelper(string name, CredentialEnvironment environment)
{
    private const string TokenUsername = "<token>";
    private const int MaxOutputBytes = 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public string Name => name;

    public string ExecutableName => "docker-credential-" + name;

    /// <summary>The stored credential for the server, or null when the helper has none for it.</summary>
    public async Task<RegistryCredential?> GetAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var executable = environment.FindExecutable(ExecutableName)
            ?? throw new KilnException(ErrorCodes.CredentialHelperFailed, $"credential helper {ExecutableName} (for {serverUrl}) was not found on PATH");
        var start = new ProcessStartInfo(executable, ["get"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var variable in new[] { "HOME", "PATH", "DOCKER_CONFIG" })
        {
            if (environment.Get(variable) is { } value)
            {
                start.Environment[variable] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new KilnException(ErrorCodes.CredentialHelperFailed, $"cannot run credential helper {executable} for {serverUrl}: {e.Message}", inner: e);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await RunAsync(process, serverUrl, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TryKill(process);
            throw new KilnException(ErrorCodes.CredentialHelperFailed, $"credential helper {ExecutableName} did not answer for {serverUrl} within {Timeout.TotalSeconds} seconds");
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            throw;
        }
    }

    private async Task<RegistryCredential?> RunAsync(Process process, string serverUrl, CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteAsync(serverUrl.AsMemory(), cancellationToken).ConfigureAwait(false);
        await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var stdout = await stdoutTask.ConfigureAwait(false);
        var stderr = await stderrTask.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var message = (stdout + stderr).Trim();
            if (message.Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw new KilnException(ErrorCodes.CredentialHelperFailed, $"credential helper {ExecutableName} failed for {serverUrl} (exit {process.ExitCode}): {Shorten(message)}");
        }

        return Parse(stdout, serverUrl);
    }

    private RegistryCredential? Parse(string output, string serverUrl)
    {
        if (Encoding.UTF8.GetByteCount(output) > MaxOutputBytes)
        {
            throw Invalid(serverUrl, "output is too large");
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(serverUrl, "output is not a JSON object");
            }

            var username = StringProperty(root, "Username", serverUrl);
            var secret = StringProperty(root, "Secret", serverUrl);
            if (string.IsNullOrEmpty(secret))
            {
                return null;
            }

            return username == TokenUsername
                ? new RegistryCredential(null, null, secret)
                : new RegistryCredential(username, secret);
        }
        catch (JsonException e)
        {
            throw Invalid(serverUrl, $"output is not valid JSON: {e.Message}");
        }
    }

    private string? StringProperty(JsonElement root, string name, string serverUrl)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(serverUrl, $"{name} is not a string");
    }

    private KilnException Invalid(string serverUrl, string detail) =>
        new(ErrorCodes.CredentialHelperFailed, $"credential helper {ExecutableName} gave an invalid answer for {serverUrl}: {detail}");

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "...";
}
