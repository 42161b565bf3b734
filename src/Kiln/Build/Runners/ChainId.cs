using System.Collections.Immutable;
using System.Text;
using Kiln.Oci;

namespace Kiln.Build.Runners;

/// <summary>
/// OCI chain IDs: the first layer's chain ID is its diffID, each next one the sha256 of the parent chain ID, a space
/// and the layer's diffID. A chain ID names the filesystem of a layer stack, whatever the layers' compression.
/// </summary>
internal static class ChainId
{
    public static Digest Next(Digest? parent, Digest diffId) =>
        parent is { } p ? Digest.Sha256(Encoding.ASCII.GetBytes($"{p} {diffId}")) : diffId;

    /// <summary>The chain ID of every prefix of <paramref name="diffIds"/>, bottom layer first.</summary>
    public static ImmutableArray<Digest> Compute(ImmutableArray<Digest> diffIds)
    {
        var result = ImmutableArray.CreateBuilder<Digest>(diffIds.Length);
        Digest? parent = null;
        foreach (var diffId in diffIds)
        {
            var chain = Next(parent, diffId);
            result.Add(chain);
            parent = chain;
        }

        return result.MoveToImmutable();
    }
}
