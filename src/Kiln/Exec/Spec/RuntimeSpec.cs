using System.Collections.Immutable;
using Kiln.Exec.Users;

namespace Kiln.Exec.Spec;

/// <summary>The parts of an OCI runtime spec (config.json) kiln sets; everything else is the runtime's default.</summary>
internal sealed record RuntimeSpec
{
    public required string RootPath { get; init; }

    public required ImmutableArray<string> Args { get; init; }

    public required ImmutableArray<string> Env { get; init; }

    public required string Cwd { get; init; }

    public required ExecUser User { get; init; }

    public string Hostname { get; init; } = SandboxDefaults.Hostname;

    public ImmutableArray<RuntimeMount> Mounts { get; init; } = [];

    /// <summary>Namespace types to create: pid, ipc, uts, mount, and network unless the host's is shared.</summary>
    public ImmutableArray<string> Namespaces { get; init; } = [];

    public ImmutableArray<string> Capabilities { get; init; } = [];

    public ImmutableArray<string> MaskedPaths { get; init; } = [];

    public ImmutableArray<string> ReadonlyPaths { get; init; } = [];

    /// <summary>Empty means the process inherits kiln's limits, as BuildKit does when no ulimit is given.</summary>
    public ImmutableArray<Ulimit> Rlimits { get; init; } = [];

    /// <summary>security=insecure: the device cgroup allows every device.</summary>
    public bool AllowAllDevices { get; init; }
}
