using System.Text.Json;
using Kiln.Exec;
using Kiln.Exec.Runtime;
using Kiln.Exec.Spec;
using Kiln.Exec.Users;
using Kiln.IntegrationTests.Infrastructure;

namespace Kiln.IntegrationTests.Exec;

/// <summary>Cancellation and crash recovery: no container, process, mount or bundle survives (real runc).</summary>
public sealed class ExecutorLifecycleTests
{
    [Fact]
    public async Task CancellationKillsTheContainerAndEverythingItStarted()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var run = root.Executor.RunAsync(
            new ExecRequest { Rootfs = root.Rootfs, Args = ["/bin/sh", "-c", "sleep 1001 & sleep 1002 & echo started; wait"] },
            ExecSession.Default,
            _ => started.TrySetResult(),
            cancellation.Token);
        await started.Task;
        var containers = await ListAsync(root.Options);
        var init = Assert.Single(containers);
        Assert.True(init.Pid > 0);
        Assert.True(Directory.Exists($"/proc/{init.Pid}"));
        var children = FindSleepers();
        Assert.Equal(2, children.Count);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Empty(await ListAsync(root.Options));
        Assert.False(IsSameProcessAlive(init.Pid));
        Assert.Empty(FindSleepers());
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(root.Directory, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(root.Options.BundlesRoot));
        Assert.False(Directory.Exists(Path.Combine(root.Options.MemoryRoot, init.Id)));
    }

    [Fact]
    public async Task StartupDeletesContainersOfDeadKilnProcesses()
    {
        await using var root = await ExecTestRoot.CreateAsync();

        // An owner pid above the kernel's maximum (4194304) can never be alive.
        var id = ContainerId.New(4194399, 1);
        var bundle = Directory.CreateDirectory(Path.Combine(root.Options.MemoryRoot, id)).FullName;
        var scratch = Directory.CreateDirectory(Path.Combine(root.Options.BundlesRoot, id)).FullName;
        var spec = new RuntimeSpec
        {
            RootPath = root.Rootfs,
            Args = ["/bin/sleep", "1003"],
            Env = ["PATH=/bin"],
            Cwd = "/",
            User = ExecUser.Root,
            Mounts = SandboxDefaults.KernelMounts(writableSys: false),
            Namespaces = ["pid", "ipc", "uts", "mount"],
            Capabilities = SandboxDefaults.Capabilities,
        };
        File.WriteAllBytes(Path.Combine(bundle, "config.json"), RuntimeSpecWriter.Serialize(spec));
        await ExternalTool.OutputOfAsync(
            "sh", "-c", $"'{root.Options.Binary}' --root '{root.Options.StateRoot}' run -d --bundle '{bundle}' {id} </dev/null >/dev/null 2>&1");
        var stale = Assert.Single(await ListAsync(root.Options));
        Assert.Equal("running", stale.Status);

        await Executor.StartAsync(root.Options, CancellationToken.None);

        Assert.Empty(await ListAsync(root.Options));
        Assert.False(Directory.Exists(bundle));
        Assert.False(Directory.Exists(scratch));
        Assert.False(IsSameProcessAlive(stale.Pid));
    }

    private static async Task<List<(string Id, int Pid, string Status)>> ListAsync(RuntimeOptions options)
    {
        var output = await ExternalTool.OutputOfAsync(options.Binary, "--root", options.StateRoot, "list", "--format", "json");
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "null" : output);
        return document.RootElement.ValueKind != JsonValueKind.Array
            ? []
            : document.RootElement.EnumerateArray()
                .Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("pid").GetInt32(), c.GetProperty("status").GetString()!))
                .ToList();
    }

    private static bool IsSameProcessAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static List<int> FindSleepers()
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (cmdline is "sleep\u00001001\u0000" or "sleep\u00001002\u0000")
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        return found;
    }

}
