namespace Kiln.Graph;

/// <summary>The network a RUN step sees (RUN --network).</summary>
internal enum NetworkMode
{
    Sandbox,
    Host,
    None,
}
