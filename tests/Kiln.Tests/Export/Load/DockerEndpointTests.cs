using Kiln.Diagnostics;
using Kiln.Export.Load;

namespace Kiln.Tests.Export.Load;

public class DockerEndpointTests
{
    public static TheoryData<string, string?, string, string?, string> Rows => new()
    {
        { "unset means the default socket", null, "unix:///var/run/docker.sock", "/var/run/docker.sock", "http://docker/" },
        { "empty means the default socket", "", "unix:///var/run/docker.sock", "/var/run/docker.sock", "http://docker/" },
        { "unix socket path", "unix:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock", "/run/user/1000/docker.sock", "http://docker/" },
        { "tcp host and port", "tcp://10.0.0.5:2375", "tcp://10.0.0.5:2375", null, "http://10.0.0.5:2375/" },
        { "tcp with trailing slash", "tcp://engine:2375/", "tcp://engine:2375/", null, "http://engine:2375/" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void DockerHostIsRead(string name, string? dockerHost, string address, string? socket, string baseAddress)
    {
        _ = name;
        var endpoint = DockerEndpoint.Resolve(k => k == "DOCKER_HOST" ? dockerHost : null);
        Assert.Equal(address, endpoint.Address);
        Assert.Equal(socket, endpoint.SocketPath);
        Assert.Equal(baseAddress, endpoint.BaseAddress.ToString());
    }

    [Theory]
    [InlineData("ssh://user@host")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://")]
    [InlineData("tcp://")]
    [InlineData("/var/run/docker.sock")]
    public void UnsupportedHostsFailWithTheUnreachableCode(string dockerHost)
    {
        var e = Assert.Throws<KilnException>(() => DockerEndpoint.Resolve(k => k == "DOCKER_HOST" ? dockerHost : null));
        Assert.Equal(ErrorCodes.DockerEngineUnreachable, e.Code);
    }

    [Fact]
    public async Task LoadingWithoutAnEngineFailsWithTheUnreachableCode()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"kiln-no-engine-{Guid.NewGuid():N}.sock");
        using var loader = new DockerLoader(DockerEndpoint.Resolve(k => k == "DOCKER_HOST" ? "unix://" + socket : null));
        using var archive = new MemoryStream([1, 2, 3]);

        Assert.False(await loader.IsReachableAsync(CancellationToken.None));
        var e = await Assert.ThrowsAsync<KilnException>(() => loader.LoadAsync(archive, CancellationToken.None));
        Assert.Equal(ErrorCodes.DockerEngineUnreachable, e.Code);
        Assert.Equal(0, archive.Position);
    }
}
