using System.Diagnostics;

namespace Kiln.IntegrationTests.Registry;

/// <summary>
/// An extra CNCF registry (the docker-registry binary) on a free loopback port with its own storage and
/// configuration; stopped and deleted on Dispose.
/// </summary>
internal sealed class RegistryProcess : IDisposable
{
    private readonly Process process;

    private RegistryProcess(Process process, string address, string directory)
    {
        this.process = process;
        Address = address;
        Directory = directory;
    }

    public string Address { get; }

    public string Directory { get; }

    /// <summary>Starts a registry; <paramref name="extraConfig"/> is YAML appended at the top level (an auth section).</summary>
    public static RegistryProcess Start(string extraConfig = "", string? directory = null)
    {
        var binary = new[] { "/usr/bin/docker-registry", "/usr/local/bin/docker-registry" }.FirstOrDefault(File.Exists);
        Assert.True(binary is not null, "docker-registry is not installed; run scripts/setup.sh");
        directory ??= System.IO.Directory.CreateTempSubdirectory("kiln-registry-").FullName;
        var address = $"127.0.0.1:{LocalRegistry.FreePort()}";
        var config = Path.Combine(directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {directory}/data
              delete:
                enabled: true
            http:
              addr: {address}
            {extraConfig}
            """);
        var start = new ProcessStartInfo(binary!, ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new RegistryProcess(process, address, directory);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = http.GetAsync($"http://{address}/v2/").GetAwaiter().GetResult();
                return instance;
            }
            catch (HttpRequestException)
            {
                if (process.HasExited)
                {
                    break;
                }

                Thread.Sleep(100);
            }
        }

        instance.Dispose();
        lock (log)
        {
            Assert.Fail($"docker-registry did not start on {address}: {log}");
        }

        return instance;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
