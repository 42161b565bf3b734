using Kiln.Build.Runners;
using Kiln.Oci;

namespace Kiln.Tests.Build.Runners;

public sealed class ChainIdTests
{
    private static readonly Digest A = Digest.Parse("sha256:" + new string('a', 64));
    private static readonly Digest B = Digest.Parse("sha256:" + new string('b', 64));
    private static readonly Digest C = Digest.Parse("sha256:" + new string('c', 64));

    [Fact]
    public void FirstLayersChainIdIsItsDiffId() => Assert.Equal(A, ChainId.Next(null, A));

    [Fact]
    public void UpperChainIdsHashParentSpaceDiffId()
    {
        // expected values computed independently: sha256("<parent chain id> <diff id>")
        var chain = ChainId.Compute([A, B, C]);
        Digest[] expected =
        [
            A,
            Digest.Parse("sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c"),
            Digest.Parse("sha256:c1377126441fb2f5ec2c21ae2a60255331d639e830f0ee1b40a36e52d4c40588"),
        ];

        Assert.Equal(expected, chain.ToArray());
    }

    [Fact]
    public void NoLayersNoChain() => Assert.Empty(ChainId.Compute([]));
}
