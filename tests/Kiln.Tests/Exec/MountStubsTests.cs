using Kiln.Exec;

namespace Kiln.Tests.Exec;

public sealed class MountStubsTests
{
    [Fact]
    public void RemovesOnlyTheEmptyMountPointsTheRunCreated()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        File.WriteAllText(Path.Combine(root.Path, "etc/hosts"), "");
        var stubs = MountStubs.Record(root.Path, ["/etc/hosts", "/run/secrets/a", "/run/secrets/b", "/cache/dir", "/kept/by/step"]);

        // What the runtime creates as mount points, and what the step wrote itself.
        Directory.CreateDirectory(Path.Combine(root.Path, "run/secrets"));
        File.WriteAllText(Path.Combine(root.Path, "run/secrets/a"), "");
        File.WriteAllText(Path.Combine(root.Path, "run/secrets/b"), "");
        Directory.CreateDirectory(Path.Combine(root.Path, "cache/dir"));
        Directory.CreateDirectory(Path.Combine(root.Path, "kept/by/step"));
        File.WriteAllText(Path.Combine(root.Path, "kept/written"), "data");
        stubs.Remove();

        Assert.True(File.Exists(Path.Combine(root.Path, "etc/hosts")));
        Assert.False(Directory.Exists(Path.Combine(root.Path, "run")));
        Assert.False(Directory.Exists(Path.Combine(root.Path, "cache")));
        Assert.False(Directory.Exists(Path.Combine(root.Path, "kept/by")));
        Assert.True(File.Exists(Path.Combine(root.Path, "kept/written")));
    }

    [Fact]
    public void RemovingAStubKeepsItsDirectorysModificationTime()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        var stubs = MountStubs.Record(root.Path, ["/etc/hosts"]);
        File.WriteAllText(Path.Combine(root.Path, "etc/hosts"), "");
        File.WriteAllText(Path.Combine(root.Path, "etc/written"), "by the step");
        var written = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        Directory.SetLastWriteTimeUtc(Path.Combine(root.Path, "etc"), written);

        stubs.Remove();

        Assert.False(File.Exists(Path.Combine(root.Path, "etc/hosts")));
        Assert.Equal(written, Directory.GetLastWriteTimeUtc(Path.Combine(root.Path, "etc")));
    }
}
