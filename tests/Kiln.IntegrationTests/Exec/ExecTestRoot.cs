using Kiln.Content;
using Kiln.Exec;
using Kiln.Exec.Runtime;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Exec;

/// <summary>A fresh kiln root and busybox rootfs for one executor test, removed afterwards.</summary>
internal sealed class ExecTestRoot : IAsyncDisposable
{
    public const string Base = "/tmp/kiln-exec-tests";

    private ExecTestRoot(string directory, RuntimeOptions options, Executor executor)
    {
        Directory = directory;
        Options = options;
        Executor = executor;
    }

    public string Directory { get; }

    public RuntimeOptions Options { get; }

    public Executor Executor { get; }

    public string Rootfs => Path.Combine(Directory, "rootfs");

    public static async Task<ExecTestRoot> CreateAsync(Platform? platform = null, string? runtime = null)
    {
        Assert.True(Environment.IsPrivilegedProcess, "executor integration tests run runc and must run as root");
        var directory = Path.Combine(Base, Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(directory);
        await BusyboxRootfs.CreateAsync(platform ?? new Platform("linux", Platform.Current.Architecture), Path.Combine(directory, "rootfs"));
        RuntimeOptions options;
        try
        {
            options = RuntimeOptions.Create(new KilnPaths(Path.Combine(directory, "kiln")), Environment.GetEnvironmentVariable, runtime);
        }
        catch (Kiln.Diagnostics.KilnException e)
        {
            Assert.Fail(e.Message + " (run scripts/setup.sh)");
            throw;
        }

        var executor = await Executor.StartAsync(options, CancellationToken.None);
        return new ExecTestRoot(directory, options, executor);
    }

    /// <summary>
    /// A second rootfs for a concurrent step: like the snapshotter, which gives each step its own, since a step's
    /// mount-point stubs are removed from its rootfs when it ends.
    /// </summary>
    public async Task<string> CopyRootfsAsync(string name)
    {
        var copy = Path.Combine(Directory, name);
        await Infrastructure.ExternalTool.OutputOfAsync("cp", "-a", Rootfs, copy);
        return copy;
    }

    /// <summary>Runs a shell command as one step and returns its stdout and stderr lines.</summary>
    public async Task<(List<string> Stdout, List<string> Stderr)> RunShellAsync(
        string script, Func<ExecRequest, ExecRequest>? configure = null, ExecSession? session = null, CancellationToken cancellationToken = default)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var request = new ExecRequest { Rootfs = Rootfs, Args = ["/bin/sh", "-c", script] };
        request = configure?.Invoke(request) ?? request;
        await Executor.RunAsync(request, session ?? ExecSession.Default, line =>
        {
            var list = line.Stream == LogLine.Stdout ? stdout : stderr;
            lock (list)
            {
                list.Add(line.ToString().TrimEnd('\n'));
            }
        }, cancellationToken);
        return (stdout, stderr);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
