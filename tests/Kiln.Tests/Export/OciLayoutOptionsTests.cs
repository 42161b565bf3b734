using Kiln.Diagnostics;
using Kiln.Export;

namespace Kiln.Tests.Export;

public sealed class OciLayoutOptionsTests
{
    public static TheoryData<string, string, string> Names() => new()
    {
        { "busybox", "latest", "docker.io/library/busybox:latest" },
        { "busybox:1.36", "1.36", "docker.io/library/busybox:1.36" },
        { "127.0.0.1:5000/team/app:v2", "v2", "127.0.0.1:5000/team/app:v2" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void NameGivesTagAsRefNameAndTheFullReference(string name, string refName, string imageName)
    {
        var options = OciLayoutOptions.ForName(name);

        Assert.Equal((refName, imageName), (options.RefName, options.ImageName));
    }

    [Fact]
    public void NoNameGivesNoAnnotations()
    {
        var options = OciLayoutOptions.ForName(null);

        Assert.Equal((null, null), (options.RefName, options.ImageName));
    }

    [Fact]
    public void InvalidNameIsRejected()
    {
        var e = Assert.Throws<KilnException>(() => OciLayoutOptions.ForName("UPPER/Case:tag"));

        Assert.Equal(ErrorCodes.InvalidReference, e.Code);
    }
}
