using Kiln.Exec.Runtime;

namespace Kiln.Tests.Exec;

public sealed class ContainerIdTests
{
    [Fact]
    public void NewIdsNameTheLiveOwnerAndAreNotStale()
    {
        var id = ContainerId.New();
        Assert.True(ContainerId.TryParseOwner(id, out var pid, out var start));
        Assert.Equal(Environment.ProcessId, pid);
        Assert.Equal(ContainerId.ProcessStartTime(pid), start);
        Assert.False(ContainerId.IsStale(id));
        Assert.NotEqual(id, ContainerId.New());
    }

    [Theory]
    [InlineData(4194399, 1UL, true)]
    [InlineData(1, 999999999999UL, true)]
    public void IdsOfGoneOrReusedPidsAreStale(int pid, ulong start, bool stale) =>
        Assert.Equal(stale, ContainerId.IsStale(ContainerId.New(pid, start)));

    [Theory]
    [InlineData("buildkit-123")]
    [InlineData("kiln-abc-1-x")]
    [InlineData("kiln-1-2")]
    public void ForeignIdsAreNeverStale(string id)
    {
        Assert.False(ContainerId.TryParseOwner(id, out _, out _));
        Assert.False(ContainerId.IsStale(id));
    }
}
