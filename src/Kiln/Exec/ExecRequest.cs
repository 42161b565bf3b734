using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Exec.Mounts;
using Kiln.Exec.Spec;
using Kiln.Oci;

namespace Kiln.Exec;

/// <summary>
/// One RUN step for the executor: a prepared rootfs directory (the snapshotter's business), the process to run
/// in it, and the mounts, network and security it gets. <see cref="Span"/> is the Dockerfile line, for errors.
/// </summary>
internal sealed record ExecRequest
{
    public required string Rootfs { get; init; }

    public required ImmutableArray<string> Args { get; init; }

    public ImmutableArray<string> Env { get; init; } = [];

    public string WorkingDirectory { get; init; } = "/";

    /// <summary>name, uid, uid:gid or name:group; empty is root.</summary>
    public string? User { get; init; }

    public string Hostname { get; init; } = SandboxDefaults.Hostname;

    public NetworkMode Network { get; init; } = NetworkMode.Default;

    public SecurityMode Security { get; init; } = SecurityMode.Sandbox;

    /// <summary>The step's platform; null (or the host's) runs natively, anything else needs a QEMU binfmt handler.</summary>
    public Platform? Platform { get; init; }

    public ImmutableArray<RunMount> Mounts { get; init; } = [];

    public ImmutableArray<Ulimit> Ulimits { get; init; } = [];

    /// <summary>Extra /etc/hosts entries (<c>--add-host name:ip</c>) as name and address.</summary>
    public ImmutableArray<KeyValuePair<string, string>> ExtraHosts { get; init; } = [];

    public SourceSpan? Span { get; init; }
}
