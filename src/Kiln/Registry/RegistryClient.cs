using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry.Credentials;

namespace Kiln.Registry;

/// <summary>
/// kiln's one entry point to OCI distribution registries. Blob transfers share a bound on parallelism;
/// transient failures are retried; every byte read is verified against its digest.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private readonly RegistryTransport transport;
    private readonly ManifestClient manifests;
    private readonly BlobClient blobs;
    private readonly BlobUploader uploader;
    private readonly TagLister tags;
    private readonly ReferrersClient referrers;
    private readonly SemaphoreSlim transfers;
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobPushResult>>> pushesInFlight = new(StringComparer.Ordinal);

    public RegistryClient(RegistryOptions options, ICredentialStore credentials, TimeProvider time, HttpMessageHandler? handler = null)
    {
        transport = new RegistryTransport(options, credentials, time, handler);
        manifests = new ManifestClient(transport);
        blobs = new BlobClient(transport);
        uploader = new BlobUploader(transport, blobs);
        tags = new TagLister(transport);
        referrers = new ReferrersClient(transport, manifests);
        transfers = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentTransfers));
    }

    public RegistryOptions Options => transport.Options;

    /// <summary>A client with the process's Docker credentials and the system clock.</summary>
    public static RegistryClient Create(RegistryOptions? options = null) =>
        new(options ?? new RegistryOptions(), DockerCredentialStore.FromProcess(), TimeProvider.System);

    /// <summary>The descriptor (media type, digest, size) a tag or digest reference points at.</summary>
    public Task<Descriptor> ResolveAsync(Reference reference, CancellationToken cancellationToken) =>
        manifests.ResolveAsync(reference, cancellationToken);

    /// <summary>The manifest or index bytes, digest-verified, with their descriptor.</summary>
    public Task<RegistryManifest> GetManifestAsync(Reference reference, CancellationToken cancellationToken) =>
        RetryBodyAsync(ct => manifests.FetchAsync(reference, ct), $"fetch manifest {reference}", cancellationToken);

    /// <summary>
    /// Pushes manifest or index bytes to the reference's tag (or digest). When the document has a subject and the
    /// registry does not process it (no OCI-Subject header), the referrers fallback tag is updated as the spec asks.
    /// </summary>
    public async Task<Descriptor> PushManifestAsync(Reference reference, string mediaType, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var document = OciDocument.Parse(bytes, mediaType, reference.ToString());
        var (descriptor, subjectProcessed) = await manifests.PushAsync(reference, mediaType, bytes, cancellationToken).ConfigureAwait(false);
        if (!subjectProcessed && ReferrersClient.DescribeReferrer(document, descriptor) is { } referrer)
        {
            await referrers.AddToFallbackAsync(reference, referrer.Subject, referrer.Referrer, cancellationToken).ConfigureAwait(false);
        }

        return descriptor;
    }

    public Task DeleteManifestAsync(Reference repository, Digest digest, CancellationToken cancellationToken) =>
        manifests.DeleteAsync(repository, digest, cancellationToken);

    public Task<bool> BlobExistsAsync(Reference repository, Digest digest, CancellationToken cancellationToken) =>
        blobs.ExistsAsync(repository, digest, cancellationToken);

    /// <summary>Opens a blob as a verifying stream (see <see cref="BlobClient.OpenAsync"/>); not counted against the transfer bound.</summary>
    public Task<Stream> OpenBlobAsync(Reference repository, Descriptor blob, CancellationToken cancellationToken) =>
        blobs.OpenAsync(repository, blob, cancellationToken);

    /// <summary>
    /// Writes the blob to <paramref name="destination"/>, which holds unverified bytes until this returns (write to a
    /// temporary file and commit it afterwards). A seekable destination is rewound and refetched when the connection breaks.
    /// </summary>
    public async Task FetchBlobAsync(Reference repository, Descriptor blob, Stream destination, CancellationToken cancellationToken)
    {
        await transfers.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!destination.CanSeek)
            {
                await blobs.FetchAsync(repository, blob, destination, cancellationToken).ConfigureAwait(false);
                return;
            }

            var start = destination.Position;
            await RetryBodyAsync(
                async ct =>
                {
                    destination.Position = start;
                    destination.SetLength(start);
                    await blobs.FetchAsync(repository, blob, destination, ct).ConfigureAwait(false);
                    return true;
                },
                $"fetch blob {repository.Name}@{blob.Digest}",
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            transfers.Release();
        }
    }

    /// <summary>
    /// Makes the blob present in the repository: skipped when there, mounted from <paramref name="mountFrom"/> when
    /// possible, else uploaded. Concurrent pushes of one blob to one repository share a single transfer.
    /// </summary>
    public async Task<BlobPushResult> PushBlobAsync(
        Reference repository, Descriptor blob, BlobSource source, Reference? mountFrom, CancellationToken cancellationToken)
    {
        var key = $"{repository.Name}@{blob.Digest}";
        while (true)
        {
            var push = new Lazy<Task<BlobPushResult>>(() => PushOnceAsync(repository, blob, source, mountFrom, cancellationToken));
            var shared = pushesInFlight.GetOrAdd(key, push);
            try
            {
                return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The caller that started the shared push cancelled it; this caller starts its own.
                pushesInFlight.TryRemove(new KeyValuePair<string, Lazy<Task<BlobPushResult>>>(key, shared));
            }
            finally
            {
                if (ReferenceEquals(shared, push))
                {
                    pushesInFlight.TryRemove(new KeyValuePair<string, Lazy<Task<BlobPushResult>>>(key, push));
                }
            }
        }
    }

    private async Task<BlobPushResult> PushOnceAsync(
        Reference repository, Descriptor blob, BlobSource source, Reference? mountFrom, CancellationToken cancellationToken)
    {
        await transfers.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await uploader.PushAsync(repository, blob, source, mountFrom, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new KilnException(ErrorCodes.BlobUploadFailed, $"upload blob {repository.Name}@{blob.Digest}: {e.Message}", inner: e);
        }
        finally
        {
            transfers.Release();
        }
    }

    /// <summary>Pushes many blobs at once, at most <see cref="RegistryOptions.MaxConcurrentTransfers"/> in flight.</summary>
    public async Task<ImmutableArray<BlobPushResult>> PushBlobsAsync(
        Reference repository, IReadOnlyList<(Descriptor Blob, BlobSource Source)> items, Reference? mountFrom, CancellationToken cancellationToken)
    {
        var tasks = items.Select(item => PushBlobAsync(repository, item.Blob, item.Source, mountFrom, cancellationToken));
        return [.. await Task.WhenAll(tasks).ConfigureAwait(false)];
    }

    /// <summary>Asks the registry to link a blob from another repository; false when it opened an upload session instead (abandoned here).</summary>
    public async Task<bool> MountBlobAsync(Reference repository, Descriptor blob, Reference source, CancellationToken cancellationToken) =>
        await uploader.TryMountAsync(repository, blob, source, cancellationToken).ConfigureAwait(false) is null;

    public Task<ImmutableArray<string>> ListTagsAsync(Reference repository, CancellationToken cancellationToken) =>
        tags.ListAsync(repository, cancellationToken);

    /// <summary>Manifests whose subject is <paramref name="subject"/>, optionally of one artifact type.</summary>
    public Task<ImmutableArray<Descriptor>> ListReferrersAsync(Reference repository, Digest subject, string? artifactType, CancellationToken cancellationToken) =>
        referrers.ListAsync(repository, subject, artifactType, cancellationToken);

    public void Dispose()
    {
        transport.Dispose();
        transfers.Dispose();
    }

    private async Task<T> RetryBodyAsync<T>(Func<CancellationToken, Task<T>> action, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.Retries.Operation.ExecuteAsync(async ct => await action(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new KilnException(ErrorCodes.RegistrySizeMismatch, $"{what}: the body broke off: {e.Message}", inner: e);
        }
    }
}
