namespace Kiln.Exec.Mounts;

/// <summary>
/// How concurrent steps share one cache id. Shared: all use the directory at once. Private: a step gets the
/// directory only when nobody else holds it, otherwise another directory. Locked: a step waits until it is
/// the only user. The locks are file locks, so separate kiln processes obey them too.
/// </summary>
internal enum CacheSharing
{
    Shared,
    Private,
    Locked,
}
