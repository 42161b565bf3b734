using Kiln.Exec.Emulation;
using Kiln.Exec.Mounts;
using Kiln.Exec.Runtime;
using Kiln.Exec.Spec;
using Kiln.Exec.Users;
using Kiln.Oci;

namespace Kiln.Exec;

/// <summary>
/// Runs RUN steps with an OCI runtime: resolves the user, creates the working directory, prepares mounts,
/// writes the bundle, runs the container with its output streamed, and cleans everything up afterwards.
/// Create it with <see cref="StartAsync"/>, which first reaps containers left by crashed kiln processes.
/// </summary>
internal sealed class Executor
{
    private static readonly UnixFileMode DirectoryMode = (UnixFileMode)Convert.ToInt32("755", 8);

    private readonly OciRuntime runtime;
    private readonly CacheMountStore caches;
    private readonly Platform host;
    private readonly string binfmtDirectory;

    private Executor(OciRuntime runtime, Platform host, string binfmtDirectory)
    {
        this.runtime = runtime;
        caches = new CacheMountStore(runtime.Options.CacheMountsRoot);
        this.host = host;
        this.binfmtDirectory = binfmtDirectory;
    }

    public RuntimeOptions Options => runtime.Options;

    public static async Task<Executor> StartAsync(RuntimeOptions options, CancellationToken cancellationToken) =>
        await StartAsync(options, Platform.Current, EmulatorCheck.BinfmtDirectory, cancellationToken).ConfigureAwait(false);

    public static async Task<Executor> StartAsync(
        RuntimeOptions options, Platform host, string binfmtDirectory, CancellationToken cancellationToken)
    {
        var runtime = new OciRuntime(options);
        await StaleContainerReaper.ReapAsync(runtime, cancellationToken).ConfigureAwait(false);
        return new Executor(runtime, host, binfmtDirectory);
    }

    /// <summary>
    /// Runs one step. A non-zero exit throws <see cref="ProcessFailedException"/> (KILN1740); cancellation kills
    /// the container and everything in it, then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<ExitStatus> RunAsync(
        ExecRequest request, ExecSession session, Action<LogLine>? output, CancellationToken cancellationToken)
    {
        session.Entitlements.RequireFor(request.Network, request.Security, request.Span);
        if (request.Platform is not null)
        {
            EmulatorCheck.Require(request.Platform, host, binfmtDirectory, request.Span);
        }

        var user = UserResolver.Resolve(request.Rootfs, request.User, request.Span);
        var id = ContainerId.New();

        // The bundle (config.json with any env= secret, hosts, resolv.conf, runtime log) lives on a tmpfs; only
        // scratch space that may grow (rw bind upper directories) is on disk.
        var bundle = Path.Combine(Options.MemoryRoot, id);
        Native.CreateDirectory(bundle, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var scratch = Directory.CreateDirectory(Path.Combine(Options.BundlesRoot, id)).FullName;
        MountStubs? stubs = null;
        var finished = false;
        try
        {
            CreateWorkingDirectory(request.Rootfs, request.WorkingDirectory);
            var context = new MountContext(caches, session.Secrets, session.SshAgents, scratch, bundle);
            await using var prepared = await MountPreparer.PrepareAsync(request.Mounts, context, request.Span, cancellationToken)
                .ConfigureAwait(false);
            var hosts = Path.Combine(bundle, "hosts");
            var resolvConf = Path.Combine(bundle, "resolv.conf");
            await File.WriteAllTextAsync(hosts, NetworkFiles.Hosts(request.Hostname, request.ExtraHosts), cancellationToken).ConfigureAwait(false);
            var hostResolvConf = File.Exists("/etc/resolv.conf") ? await File.ReadAllTextAsync("/etc/resolv.conf", cancellationToken).ConfigureAwait(false) : null;
            await File.WriteAllTextAsync(resolvConf, NetworkFiles.ResolvConf(hostResolvConf, request.Network), cancellationToken).ConfigureAwait(false);
            var spec = RuntimeSpecBuilder.Build(request, user, prepared.Mounts, prepared.Env, hosts, resolvConf, CgroupV2(), SandboxDefaults.Current());
            stubs = MountStubs.Record(request.Rootfs, spec.Mounts.Select(m => m.Destination).Where(IsRootfsTarget));
            await File.WriteAllBytesAsync(Path.Combine(bundle, "config.json"), RuntimeSpecWriter.Serialize(spec), cancellationToken)
                .ConfigureAwait(false);
            var status = await runtime.RunAsync(id, bundle, output, cancellationToken).ConfigureAwait(false);

            // A foreground `runc run` that returned has already deleted its container.
            finished = true;
            return status.Succeeded ? status : throw new ProcessFailedException(string.Join(' ', request.Args), status, request.Span);
        }
        finally
        {
            if (!finished)
            {
                await runtime.DeleteAsync(id).ConfigureAwait(false);
            }

            stubs?.Remove();
            Directory.Delete(scratch, recursive: true);
            Directory.Delete(bundle, recursive: true);
        }
    }

    /// <summary>BuildKit creates a missing working directory before the run, owned by root with mode 0755.</summary>
    private static void CreateWorkingDirectory(string rootfs, string workingDirectory)
    {
        var parts = RootfsPath.Split(workingDirectory).ToList();
        for (var depth = 1; depth <= parts.Count; depth++)
        {
            var path = RootfsPath.Resolve(rootfs, "/" + string.Join('/', parts.Take(depth)));
            if (!Directory.Exists(path))
            {
                Native.CreateDirectory(path, DirectoryMode);
                Native.Chown(path, 0, 0);
            }
        }
    }

    /// <summary>The kernel filesystems are mounted on directories every image has; only other targets can leave stubs.</summary>
    private static bool IsRootfsTarget(string destination) =>
        !destination.StartsWith("/proc", StringComparison.Ordinal)
        && !destination.StartsWith("/sys", StringComparison.Ordinal)
        && !destination.StartsWith("/dev", StringComparison.Ordinal);

    private static bool CgroupV2() => File.Exists("/sys/fs/cgroup/cgroup.controllers");
}
