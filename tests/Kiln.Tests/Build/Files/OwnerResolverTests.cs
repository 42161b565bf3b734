using Kiln.Build.Files;
using Kiln.Graph;

namespace Kiln.Tests.Build.Files;

/// <summary>--chown names and ids resolved against the destination's passwd and group files, as BuildKit does.</summary>
public sealed class OwnerResolverTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kiln-owner-").FullName;

    public OwnerResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n# comment\napp:x:1001:1002::/home/app:/bin/sh\n");
        File.WriteAllText(Path.Combine(root, "etc/group"), "root:x:0:\nstaff:x:50:app\n");
    }

    public static TheoryData<string, string?, int, int> Cases => new()
    {
        { "app", null, 1001, 1002 },
        { "app", "staff", 1001, 50 },
        { "app", "7", 1001, 7 },
        { "42", null, 42, 42 },
        { "42", "staff", 42, 50 },
        { "ghost", null, 0, 0 },
        { "app", "ghosts", 1001, 1002 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResolvesLikeBuildKit(string user, string? group, int uid, int gid) =>
        Assert.Equal(new FileUser(uid, gid), OwnerResolver.Resolve(new FileOwner(user, group), root));

    [Fact]
    public void NoOwnerKeepsTheSourcesAndMissingFilesMeanRoot()
    {
        Assert.Null(OwnerResolver.Resolve(null, root));
        var empty = Directory.CreateTempSubdirectory("kiln-owner-empty-").FullName;
        try
        {
            Assert.Equal(new FileUser(0, 0), OwnerResolver.Resolve(new FileOwner("app", "staff"), empty));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
