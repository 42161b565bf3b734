using System.Collections.Immutable;
using Kiln.Exec.Users;

namespace Kiln.Exec.Spec;

/// <summary>
/// Assembles the runtime spec of a step the way BuildKit's runc worker does: pid, ipc, uts and mount namespaces
/// (network only for network=none; cgroup on cgroup v2), Docker's sandbox unless insecure, inherited rlimits
/// unless ulimits are given, no-new-privileges off. Seccomp: kiln installs no seccomp filter in either mode
/// (BuildKit applies Docker's default profile in sandbox mode); this is a documented gap, not an oversight.
/// </summary>
internal static class RuntimeSpecBuilder
{
    public static RuntimeSpec Build(
        ExecRequest request,
        ExecUser user,
        IEnumerable<RuntimeMount> stepMounts,
        IEnumerable<string> extraEnv,
        string hostsFile,
        string resolvConfFile,
        bool cgroupV2,
        ImmutableArray<string>? insecureCapabilities = null)
    {
        var insecure = request.Security == SecurityMode.Insecure;
        var namespaces = ImmutableArray.CreateBuilder<string>();
        namespaces.AddRange("pid", "ipc", "uts", "mount");
        if (request.Network == NetworkMode.None)
        {
            namespaces.Add("network");
        }

        if (cgroupV2)
        {
            namespaces.Add("cgroup");
        }

        var mounts = SandboxDefaults.KernelMounts(writableSys: insecure)
            .Add(RuntimeMount.Bind(resolvConfFile, "/etc/resolv.conf"))
            .Add(RuntimeMount.Bind(hostsFile, "/etc/hosts"))
            .AddRange(SortParentsFirst(stepMounts));
        return new RuntimeSpec
        {
            RootPath = Path.GetFullPath(request.Rootfs),
            Args = request.Args,
            Env = ProcessEnvironment.Complete(request.Env.Concat(extraEnv), user),
            Cwd = request.WorkingDirectory,
            User = user,
            Hostname = request.Hostname,
            Mounts = mounts,
            Namespaces = namespaces.ToImmutable(),
            Capabilities = insecure ? insecureCapabilities ?? SandboxDefaults.AllCapabilities : SandboxDefaults.Capabilities,
            MaskedPaths = insecure ? [] : SandboxDefaults.MaskedPaths,
            ReadonlyPaths = insecure ? [] : SandboxDefaults.ReadonlyPaths,
            Rlimits = request.Ulimits,
            AllowAllDevices = insecure,
        };
    }

    /// <summary>Orders mounts by depth (stable), so that a mount inside another's target is mounted after it.</summary>
    public static IEnumerable<RuntimeMount> SortParentsFirst(IEnumerable<RuntimeMount> mounts) =>
        mounts.OrderBy(m => RootfsPath.Split(m.Destination).Count());
}
