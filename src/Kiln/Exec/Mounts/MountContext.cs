namespace Kiln.Exec.Mounts;

/// <summary>
/// Where a step's mounts come from: the build's caches, secrets and ssh agents, plus the run's scratch directory
/// on disk and its bundle directory on a tmpfs (for secrets and sockets, which must never reach a disk).
/// </summary>
internal sealed record MountContext(
    CacheMountStore Caches,
    SecretStore Secrets,
    SshAgentStore SshAgents,
    string ScratchDirectory,
    string MemoryDirectory);
