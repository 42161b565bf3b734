namespace Kiln.Exec;

/// <summary>
/// The network a RUN step sees. <see cref="Default"/> is the host's network, as BuildKit's OCI worker runs
/// with network.host allowed and no CNI: kiln has no sandboxed network yet, so default shares the host's
/// namespace (but not <see cref="Host"/>'s entitlement). <see cref="None"/> is a fresh namespace with only
/// loopback up. <see cref="Host"/> needs the <c>network.host</c> entitlement.
/// </summary>
internal enum NetworkMode
{
    Default,
    None,
    Host,
}
