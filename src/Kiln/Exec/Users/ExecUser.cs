using System.Collections.Immutable;

namespace Kiln.Exec.Users;

/// <summary>The identity a RUN process starts with: uid, primary gid, supplementary gids and the home directory.</summary>
internal sealed record ExecUser(uint Uid, uint Gid, ImmutableArray<uint> AdditionalGids, string Home)
{
    public static ExecUser Root { get; } = new(0, 0, [], "/root");
}
