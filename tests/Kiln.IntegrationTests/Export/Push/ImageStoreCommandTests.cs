using System.Text.Json;
using Kiln.Content.Metadata;
using Kiln.Export;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>`kiln images` and `kiln image rm` through the real command line over a kiln root holding busybox.</summary>
public sealed class ImageStoreCommandTests : IAsyncLifetime
{
    private BusyboxStore busybox = null!;
    private ImageTable images = null!;

    private string Root => busybox.Store.Paths.Root;

    public async Task InitializeAsync()
    {
        busybox = await BusyboxStore.CreateAsync();
        images = new ImageTable(await MetadataDatabase.OpenAsync(busybox.Store.Paths, CancellationToken.None));
        var created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var root = busybox.Root;
        await images.PutAsync(
            new ImageRecord("127.0.0.1:5000/team/busybox:1.36", root.Digest, root.MediaType, root.Size, created)
            {
                Platforms = [Platform.Parse("linux/amd64"), Platform.Parse("linux/arm64"), Platform.Parse("linux/arm/v7")],
            },
            CancellationToken.None);
        var amd64 = await busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        await images.PutAsync(
            new ImageRecord("docker.io/library/app:latest", amd64.Digest, amd64.MediaType, amd64.Size, created) { Platforms = [Platform.Parse("linux/amd64")] },
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        busybox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ImagesListsNamesDigestsPlatformsAndSizes()
    {
        var table = (await KilnRunner.RunAsync("images", "--root", Root)).ShouldSucceed().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["REPOSITORY", "TAG", "IMAGE", "ID", "PLATFORMS", "SIZE"], table[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, table.Length);
        var busyboxRow = table[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["127.0.0.1:5000/team/busybox", "1.36", busybox.Root.Digest.Hex[..12], "linux/amd64,linux/arm64,linux/arm/v7"], busyboxRow[..4]);
        Assert.Equal(["app", "latest"], table[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..2]);
        Assert.Equal(table[0].IndexOf("TAG", StringComparison.Ordinal), table[1].IndexOf(" 1.36", StringComparison.Ordinal) + 1);
        Assert.Equal(table[0].IndexOf("SIZE", StringComparison.Ordinal), table[2].LastIndexOf(' ') + 1);

        var json = (await KilnRunner.RunAsync("image", "ls", "--root", Root, "--format", "json")).ShouldSucceed().Output;
        var rows = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(busybox.Root.Digest.ToString(), rows[0].GetProperty("ID").GetString());
        var reachable = await ReachableBlobs.CollectAsync(busybox.Store, busybox.Root, CancellationToken.None);
        Assert.Equal(reachable.Sum(d => d.Size), rows[0].GetProperty("Size").GetInt64());
        Assert.Equal(3, rows[0].GetProperty("Platforms").GetArrayLength());
    }

    [Fact]
    public async Task ImageRmRemovesTheNameAndKeepsSharedContent()
    {
        var rm = (await KilnRunner.RunAsync("image", "rm", "--root", Root, "app")).ShouldSucceed();

        Assert.Equal("Untagged: docker.io/library/app:latest\n", rm.Output.ReplaceLineEndings("\n"));
        Assert.Equal(["127.0.0.1:5000/team/busybox:1.36"], (await images.ListAsync(CancellationToken.None)).Select(i => i.Name));
        var amd64 = await busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        Assert.True(await busybox.Store.ExistsAsync(amd64.Digest, CancellationToken.None));
        var quiet = (await KilnRunner.RunAsync("images", "--root", Root, "-q")).ShouldSucceed().Output;
        Assert.Equal(busybox.Root.Digest.Hex[..12] + "\n", quiet.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RemovingAnUnknownImageFailsWithItsCodeAfterRemovingTheKnownOnes()
    {
        var rm = await KilnRunner.RunAsync("image", "rm", "--root", Root, "no/such:image", "app");

        Assert.Equal(1, rm.ExitCode);
        Assert.Contains("KILN1930", rm.Error, StringComparison.Ordinal);
        Assert.Contains("no/such:image", rm.Error, StringComparison.Ordinal);
        Assert.Contains("Untagged: docker.io/library/app:latest", rm.Output, StringComparison.Ordinal);
        Assert.Single(await images.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnImageIdAsImagesPrintsItRemovesThatImage()
    {
        var id = busybox.Root.Digest.Hex[..12];

        var rm = (await KilnRunner.RunAsync("image", "rm", "--root", Root, id)).ShouldSucceed();

        Assert.Equal("Untagged: 127.0.0.1:5000/team/busybox:1.36\n", rm.Output.ReplaceLineEndings("\n"));
        Assert.Equal(["docker.io/library/app:latest"], (await images.ListAsync(CancellationToken.None)).Select(i => i.Name));
    }

    [Fact]
    public async Task AnUnknownFormatIsAnArgumentError()
    {
        var run = await KilnRunner.RunAsync("images", "--root", Root, "--format", "yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("KILN1001", run.Error, StringComparison.Ordinal);
    }
}
