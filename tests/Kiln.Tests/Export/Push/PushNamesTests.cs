using Kiln.Export.Push;
using Kiln.Oci;

namespace Kiln.Tests.Export.Push;

public class PushNamesTests
{
    private const string Hex = "1111111111111111111111111111111111111111111111111111111111111111";

    public static TheoryData<string, string, bool, bool, string> Rows => new()
    {
        { "tag as given", "r.io/app:1.0", false, false, "r.io/app:1.0" },
        { "missing tag means latest", "r.io/app", false, false, "r.io/app:latest" },
        { "several targets joined in order", "r.io/app:1,r.io/app:2", false, false, "r.io/app:1,r.io/app:2" },
        { "duplicates once", "r.io/app,r.io/app:latest", false, false, "r.io/app:latest" },
        { "canonical name added", "r.io/app:1.0", false, true, $"r.io/app:1.0,r.io/app@sha256:{Hex}" },
        { "by digest drops the tag", "r.io/app:1.0", true, false, "r.io/app" },
        { "by digest and canonical is repo@digest", "r.io/app:1.0", true, true, $"r.io/app@sha256:{Hex}" },
        { "two registries by digest", "a.io/app,b.io/app", true, true, $"a.io/app@sha256:{Hex},b.io/app@sha256:{Hex}" },
        { "docker hub names are full", "busybox", false, false, "docker.io/library/busybox:latest" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void NamesFollowTheOptions(string name, string targets, bool byDigest, bool canonical, string expected)
    {
        _ = name;
        var names = PushNames.Compute(
            targets.Split(',').Select(Reference.Parse),
            Digest.Parse("sha256:" + Hex),
            new PushOptions { ByDigest = byDigest, NameCanonical = canonical });
        Assert.Equal(expected, string.Join(',', names));
    }
}
