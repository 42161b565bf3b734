using Kiln.Content;
using Kiln.Diagnostics;

namespace Kiln.Tests.Content;

public class KilnPathsTests
{
    public static TheoryData<string, string, bool, string> Rows => new()
    {
        { "KILN_ROOT wins over everything", "KILN_ROOT=/srv/kiln;XDG_DATA_HOME=/x;HOME=/home/u", true, "/srv/kiln" },
        { "KILN_ROOT trailing slash is trimmed", "KILN_ROOT=/srv/kiln/", false, "/srv/kiln" },
        { "root user defaults to /var/lib/kiln", "XDG_DATA_HOME=/x;HOME=/root", true, "/var/lib/kiln" },
        { "user with XDG_DATA_HOME", "XDG_DATA_HOME=/data/u;HOME=/home/u", false, "/data/u/kiln" },
        { "relative XDG_DATA_HOME is ignored", "XDG_DATA_HOME=rel/data;HOME=/home/u", false, "/home/u/.local/share/kiln" },
        { "empty XDG_DATA_HOME is ignored", "XDG_DATA_HOME=;HOME=/home/u", false, "/home/u/.local/share/kiln" },
        { "user with HOME only", "HOME=/home/u", false, "/home/u/.local/share/kiln" },
        { "dot segments are resolved", "KILN_ROOT=/srv/a/../kiln", false, "/srv/kiln" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ResolvesTheRoot(string name, string environment, bool privileged, string expected)
    {
        var paths = KilnPaths.Resolve(Lookup(environment), privileged);
        Assert.True(expected == paths.Root, $"{name}: got {paths.Root}");
    }

    [Fact]
    public void RelativeKilnRootBecomesAbsolute()
    {
        var paths = KilnPaths.Resolve(Lookup("KILN_ROOT=some/dir"), isPrivileged: false);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "some", "dir"), paths.Root);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HOME=relative/home")]
    [InlineData("XDG_DATA_HOME=relative")]
    public void NoUsableVariableIsAnError(string environment)
    {
        var ex = Assert.Throws<KilnException>(() => KilnPaths.Resolve(Lookup(environment), isPrivileged: false));
        Assert.Equal(ErrorCodes.StoreRootUnresolved, ex.Code);
    }

    [Fact]
    public void DerivedPathsLiveUnderTheRoot()
    {
        var paths = new KilnPaths("/srv/kiln");
        Assert.Equal("/srv/kiln/content/blobs", paths.BlobsDirectory);
        Assert.Equal("/srv/kiln/content/ingest", paths.IngestDirectory);
        Assert.Equal("/srv/kiln/metadata.db", paths.MetadataDatabase);
    }

    private static Func<string, string?> Lookup(string environment)
    {
        var values = environment.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        return name => values.GetValueOrDefault(name);
    }
}
