using Kiln.Content.Metadata;
using Kiln.Oci;
using Kiln.Tests.Content;

namespace Kiln.Tests.Content.Metadata;

public sealed class BlobOriginTableTests : IDisposable
{
    private readonly TempRoot root = new();
    private readonly ManualTime time = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task RepositoriesOfTheSameRegistryAreListedNewestFirst()
    {
        var origins = await OpenAsync();
        var blob = Digest.Sha256("layer"u8);
        await origins.RecordAsync(Reference.Parse("r.io/team/base:1.0"), blob, CancellationToken.None);
        time.Advance();
        await origins.RecordAsync(Reference.Parse("r.io/team/app@sha256:" + new string('a', 64)), [blob, Digest.Sha256("other"u8)], CancellationToken.None);
        time.Advance();
        await origins.RecordAsync(Reference.Parse("other.io/team/base"), blob, CancellationToken.None);

        var found = await origins.ListAsync(blob, "r.io", CancellationToken.None);

        Assert.Equal(["r.io/team/app", "r.io/team/base"], found.Select(r => r.ToString()));
    }

    [Fact]
    public async Task RecordingAgainMovesARepositoryToTheFront()
    {
        var origins = await OpenAsync();
        var blob = Digest.Sha256("layer"u8);
        await origins.RecordAsync(Reference.Parse("r.io/a"), blob, CancellationToken.None);
        time.Advance();
        await origins.RecordAsync(Reference.Parse("r.io/b"), blob, CancellationToken.None);
        time.Advance();
        await origins.RecordAsync(Reference.Parse("r.io/a:2"), blob, CancellationToken.None);

        var found = await origins.ListAsync(blob, "r.io", CancellationToken.None);

        Assert.Equal(["r.io/a", "r.io/b"], found.Select(r => r.ToString()));
    }

    [Fact]
    public async Task AnUnknownBlobHasNoOrigins()
    {
        var origins = await OpenAsync();
        await origins.RecordAsync(Reference.Parse("r.io/a"), [], CancellationToken.None);

        Assert.Empty(await origins.ListAsync(Digest.Sha256("nothing"u8), "r.io", CancellationToken.None));
    }

    [Fact]
    public async Task DockerHubRepositoriesRoundTrip()
    {
        var origins = await OpenAsync();
        var blob = Digest.Sha256("hub"u8);
        await origins.RecordAsync(Reference.Parse("busybox"), blob, CancellationToken.None);

        var found = await origins.ListAsync(blob, "docker.io", CancellationToken.None);

        Assert.Equal("docker.io/library/busybox", Assert.Single(found).ToString());
    }

    private async Task<BlobOriginTable> OpenAsync()
    {
        var database = await MetadataDatabase.OpenAsync(root.Paths.MetadataDatabase, MetadataMigrations.All, time, CancellationToken.None);
        return new BlobOriginTable(database);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        public void Advance() => now = now.AddSeconds(1);

        public override DateTimeOffset GetUtcNow() => now;
    }
}
