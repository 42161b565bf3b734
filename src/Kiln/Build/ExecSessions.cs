using Kiln.Exec;

namespace Kiln.Build;

/// <summary>
/// Combines the sessions of several requests solved together (a bake): secrets, agents and entitlements of all. The
/// first session is the seed, so its stores' environment (one per invocation) resolves env= secrets of every target.
/// </summary>
internal static class ExecSessions
{
    public static ExecSession Merge(IEnumerable<ExecSession> sessions) =>
        sessions.DefaultIfEmpty(ExecSession.Default).Aggregate((all, next) => new ExecSession(
            new Entitlements(all.Entitlements.Granted.Union(next.Entitlements.Granted)),
            all.Secrets.Union(next.Secrets),
            all.SshAgents.Union(next.SshAgents)));
}
