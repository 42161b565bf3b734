using Kiln.Exec.Mounts;

namespace Kiln.Exec;

/// <summary>What a whole build grants its steps: entitlements, secrets and ssh agents.</summary>
internal sealed record ExecSession(Entitlements Entitlements, SecretStore Secrets, SshAgentStore SshAgents)
{
    public static ExecSession Default { get; } = new(Entitlements.None, SecretStore.Empty, SshAgentStore.Empty);
}
