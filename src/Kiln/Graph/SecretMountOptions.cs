namespace Kiln.Graph;

/// <summary>A secret exposed to a RUN step; only its id is part of the graph, never its value.</summary>
internal sealed record SecretMountOptions(string Id)
{
    public bool Optional { get; init; }

    public int Uid { get; init; }

    public int Gid { get; init; }

    /// <summary>File mode of the secret file; 0400 by default.</summary>
    public int Mode { get; init; } = Convert.ToInt32("400", 8);
}
