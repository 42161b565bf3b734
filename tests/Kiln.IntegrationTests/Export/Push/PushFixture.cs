using System.Text.Json;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Export.Push;
using Kiln.IntegrationTests.Registry;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>busybox (amd64, arm64, arm/v7) in a fresh content store with its metadata database, and a pusher over it.</summary>
internal sealed class PushFixture : IAsyncDisposable
{
    private PushFixture(BusyboxStore busybox, BlobOriginTable origins)
    {
        Busybox = busybox;
        Origins = origins;
    }

    public BusyboxStore Busybox { get; }

    public BlobOriginTable Origins { get; }

    public static async Task<PushFixture> CreateAsync()
    {
        LocalRegistry.EnsureRunning();
        var busybox = await BusyboxStore.CreateAsync();
        var database = await MetadataDatabase.OpenAsync(busybox.Store.Paths, CancellationToken.None);
        return new PushFixture(busybox, new BlobOriginTable(database));
    }

    /// <summary>Platforms of an index as skopeo printed it raw.</summary>
    public static string[] Platforms(string indexJson) =>
        [.. JsonDocument.Parse(indexJson).RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => Platform.Read(new OciJsonObject(m.GetProperty("platform"), "platform", ErrorCodes.InvalidJson)).ToString())];

    public ImagePusher Pusher(RegistryClient client, bool withOrigins = true) =>
        new(client, Busybox.Store, withOrigins ? Origins : null);

    public ValueTask DisposeAsync()
    {
        Busybox.Dispose();
        return ValueTask.CompletedTask;
    }
}
