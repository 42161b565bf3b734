using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>
/// Pushes blobs: skips those the repository holds, mounts across repositories when possible, else uploads
/// in one PUT or in PATCH chunks. A failed upload restarts from a new session through the operation pipeline.
/// </summary>
internal sealed class BlobUploader(RegistryTransport transport, BlobClient blobs)
{
    private const string OctetStream = "application/octet-stream";

    public async Task<BlobPushResult> PushAsync(Reference repository, Descriptor blob, BlobSource source, Reference? mountFrom, CancellationToken cancellationToken)
    {
        if (await blobs.ExistsAsync(repository, blob.Digest, cancellationToken, forPush: true).ConfigureAwait(false))
        {
            return BlobPushResult.Skipped;
        }

        Uri? session = null;
        if (mountFrom is not null && mountFrom.Registry == repository.Registry && mountFrom.Repository != repository.Repository)
        {
            session = await TryMountAsync(repository, blob, mountFrom, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return BlobPushResult.Mounted;
            }
        }

        await transport.Retries.Operation.ExecuteAsync(
            async ct =>
            {
                var location = session ?? await StartAsync(repository, ct).ConfigureAwait(false);
                session = null;
                try
                {
                    await UploadAsync(repository, blob, source, location, ct).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (e.InnerException is KilnException inner)
                {
                    ExceptionDispatchInfo.Throw(inner);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return BlobPushResult.Uploaded;
    }

    /// <summary>Asks the registry to link the blob from <paramref name="source"/>; returns null when mounted, else the upload session it opened.</summary>
    public async Task<Uri?> TryMountAsync(Reference repository, Descriptor blob, Reference source, CancellationToken cancellationToken)
    {
        var scopes = RegistryRequest.PushScope(repository).Add($"repository:{source.Repository}:pull");
        var request = new RegistryRequest(HttpMethod.Post, transport.Endpoints.Mount(repository, blob.Digest, source), repository, scopes);
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => null,
            HttpStatusCode.Accepted => LocationOf(response, repository),
            _ => throw await RegistryErrors.FromResponseAsync(response, $"mount {blob.Digest} from {source.Name} into {repository.Name}", cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Uri> StartAsync(Reference repository, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Post, transport.Endpoints.Uploads(repository), repository, RegistryRequest.PushScope(repository))
        {
            Content = () => new ByteArrayContent([]),
        };
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await RegistryErrors.FromResponseAsync(response, $"start upload to {repository.Name}", cancellationToken).ConfigureAwait(false);
        }

        return LocationOf(response, repository);
    }

    private async Task UploadAsync(Reference repository, Descriptor blob, BlobSource source, Uri location, CancellationToken cancellationToken)
    {
        var threshold = transport.Options.ChunkedUploadThreshold;
        if (threshold > 0 && blob.Size > threshold)
        {
            location = await SendChunksAsync(repository, blob, source, location, cancellationToken).ConfigureAwait(false);
            await FinishAsync(repository, blob, location, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FinishAsync(repository, blob, location, source, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Uri> SendChunksAsync(Reference repository, Descriptor blob, BlobSource source, Uri location, CancellationToken cancellationToken)
    {
        var chunk = new byte[(int)Math.Min(transport.Options.ChunkSize, Math.Max(blob.Size, 1))];
        await using var stream = new SizeCheckedStream(source.Open(), blob.Size, $"blob {repository.Name}@{blob.Digest}");
        long offset = 0;
        while (true)
        {
            var filled = await stream.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled == 0)
            {
                return location;
            }

            var start = offset;
            var request = new RegistryRequest(HttpMethod.Patch, location, repository, RegistryRequest.PushScope(repository))
            {
                Retry = false,
                Content = () => Octets(new ByteArrayContent(chunk, 0, filled), filled),
                Headers = [new("Content-Range", $"{start}-{start + filled - 1}")],
            };
            using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw await RegistryErrors.FromResponseAsync(response, $"upload chunk {start}-{start + filled - 1} of {blob.Digest} to {repository.Name}", cancellationToken, transient: true).ConfigureAwait(false);
            }

            offset += filled;
            location = LocationOf(response, repository);
        }
    }

    private async Task FinishAsync(Reference repository, Descriptor blob, Uri location, BlobSource? body, CancellationToken cancellationToken)
    {
        var what = $"blob {repository.Name}@{blob.Digest}";
        var request = new RegistryRequest(HttpMethod.Put, RegistryEndpoints.WithQuery(location, "digest", blob.Digest.ToString()), repository, RegistryRequest.PushScope(repository))
        {
            Retry = false,
            Content = body is null
                ? () => Octets(new ByteArrayContent([]), 0)
                : () => Octets(new StreamContent(new SizeCheckedStream(body.Open(), blob.Size, what), 1024 * 1024), blob.Size),
        };
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw await RegistryErrors.FromResponseAsync(response, $"upload {what}", cancellationToken, transient: true).ConfigureAwait(false);
        }

        if (ManifestClient.HeaderDigest(response, repository) is { } stored && stored.Algorithm == blob.Digest.Algorithm && stored != blob.Digest)
        {
            throw new KilnException(ErrorCodes.RegistryDigestMismatch, $"upload {what}: the registry stored digest {stored}");
        }
    }

    private static HttpContent Octets(HttpContent content, long length)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
        content.Headers.ContentLength = length;
        return content;
    }

    private static Uri LocationOf(HttpResponseMessage response, Reference repository)
    {
        var location = response.Headers.Location
            ?? throw new KilnException(ErrorCodes.InvalidRegistryResponse, $"upload to {repository.Name}: the registry answered {(int)response.StatusCode} without a Location header");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }
}
