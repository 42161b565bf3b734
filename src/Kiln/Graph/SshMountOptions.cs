namespace Kiln.Graph;

/// <summary>An SSH agent socket forwarded into a RUN step, identified by id ("default" unless named).</summary>
internal sealed record SshMountOptions(string Id = "default")
{
    public bool Optional { get; init; }

    public int Uid { get; init; }

    public int Gid { get; init; }

    /// <summary>File mode of the socket; 0600 by default.</summary>
    public int Mode { get; init; } = Convert.ToInt32("600", 8);
}
