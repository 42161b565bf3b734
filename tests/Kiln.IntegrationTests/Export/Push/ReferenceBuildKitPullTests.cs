using Kiln.Export.Push;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>The reference BuildKit (docker buildx) builds FROM an image kiln pushed and runs a step on it.</summary>
public sealed class ReferenceBuildKitPullTests : IAsyncLifetime
{
    private PushFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await PushFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task BuildKitBuildsFromAnImageKilnPushed()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("from-kiln");
        var pushed = await fixture.Pusher(client).PushAsync(fixture.Busybox.Root, [repo.WithTag("base")], PushOptions.Default, null, CancellationToken.None);
        var context = Directory.CreateDirectory(Path.Combine(fixture.Busybox.Directory, "context")).FullName;
        await File.WriteAllTextAsync(
            Path.Combine(context, "Dockerfile"),
            $"FROM {repo}:base@{pushed.Digest}\nRUN test -x /bin/busybox && echo built-on-kiln > /marker\n");
        var dest = Path.Combine(fixture.Busybox.Directory, "out.tar");

        var build = await ExternalTool.RunAsync(
            "docker", "buildx", "build", "--builder", "default", "--platform", "linux/amd64", "--pull", "--no-cache",
            "--output", $"type=oci,dest={dest}", context);

        Assert.True(build.ExitCode == 0, build.Error);
        Assert.Contains($"{repo.Repository}:base@{pushed.Digest}", build.Error, StringComparison.Ordinal);
        Assert.True(new FileInfo(dest).Length > 0);
    }
}
