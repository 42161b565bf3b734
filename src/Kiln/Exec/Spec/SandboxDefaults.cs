using System.Collections.Immutable;

namespace Kiln.Exec.Spec;

/// <summary>
/// The sandbox Docker and BuildKit give every container: the default capability set, the /proc and /sys paths
/// that are masked or read-only, and the kernel filesystems every process expects.
/// </summary>
internal static class SandboxDefaults
{
    public const string Hostname = "buildkitsandbox";

    /// <summary>Docker's default capabilities (moby's <c>caps.DefaultCapabilities</c>).</summary>
    public static ImmutableArray<string> Capabilities { get; } =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    /// <summary>Every capability the kernel defines up to CAP_CHECKPOINT_RESTORE (40), indexed by capability number.</summary>
    public static ImmutableArray<string> AllCapabilities { get; } =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    /// <summary>
    /// The capabilities in a bounding-set mask (as in the <c>CapBnd:</c> line of /proc/self/status): security=insecure
    /// grants what kiln itself holds, as containerd's privileged mode does, since a container cannot get more.
    /// </summary>
    public static ImmutableArray<string> FromMask(ulong mask) =>
        [.. AllCapabilities.Where((_, bit) => (mask & (1UL << bit)) != 0)];

    /// <summary>Reads kiln's own bounding set; all known capabilities when it cannot be read.</summary>
    public static ImmutableArray<string> Current()
    {
        const string Prefix = "CapBnd:";
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            : null;
        return line is not null && ulong.TryParse(line[Prefix.Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
            ? FromMask(mask)
            : AllCapabilities;
    }

    /// <summary>Paths hidden from the process (a bind of /dev/null, or an empty read-only tmpfs for directories).</summary>
    public static ImmutableArray<string> MaskedPaths { get; } =
    [
        "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
    ];

    public static ImmutableArray<string> ReadonlyPaths { get; } =
    [
        "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
    ];

    /// <summary>/proc, /dev and its pseudo filesystems, /sys and the cgroup tree; /sys and cgroupfs writable only when insecure.</summary>
    public static ImmutableArray<RuntimeMount> KernelMounts(bool writableSys) =>
    [
        new("/proc", "proc", "proc", ["nosuid", "noexec", "nodev"]),
        new("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
        new("/dev/pts", "devpts", "devpts", ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
        new("/dev/shm", "tmpfs", "shm", ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
        new("/dev/mqueue", "mqueue", "mqueue", ["nosuid", "noexec", "nodev"]),
        new("/sys", "sysfs", "sysfs", ["nosuid", "noexec", "nodev", writableSys ? "rw" : "ro"]),
        new("/sys/fs/cgroup", "cgroup", "cgroup", ["nosuid", "noexec", "nodev", "relatime", writableSys ? "rw" : "ro"]),
    ];
}
