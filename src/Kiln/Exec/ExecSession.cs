using Kiln.Diagnostics;
using Kiln.Exec.Mounts;

namespace Kiln.Exec;

/// <summary>What a whole build grants its steps: entitlements, secrets and ssh agents.</summary>
internal sealed record ExecSession(Entitlements Entitlements, SecretStore Secrets, SshAgentStore SshAgents)
{
    public static ExecSession Default { get; } = new(Entitlements.None, SecretStore.Empty, SshAgentStore.Empty);

    /// <summary>
    /// The session for buildx's <c>--allow</c>, <c>--secret</c> and <c>--ssh</c> values. A bad value throws its code
    /// (KILN1747 invalid entitlement, KILN1749/1750/1751 secrets, KILN1752/1753 ssh); secret values are read only
    /// when a step mounts them.
    /// </summary>
    public static ExecSession FromFlags(
        IEnumerable<string> allow, IEnumerable<string> secrets, IEnumerable<string> ssh, Func<string, string?> getEnvironmentVariable)
    {
        var entitlements = Entitlements.Parse(allow, out var diagnostics);
        if (diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            throw new KilnException(error.Code, error.Summary);
        }

        return new ExecSession(
            entitlements,
            SecretStore.Create(secrets.Select(s => SecretSource.Parse(s)), getEnvironmentVariable),
            SshAgentStore.Create(ssh.Select(s => SshSource.Parse(s)), getEnvironmentVariable));
    }
}
