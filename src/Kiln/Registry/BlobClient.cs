using System.Net;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Streams;

namespace Kiln.Registry;

/// <summary>Reads blobs, each body verified against its descriptor (digest, size).</summary>
internal sealed class BlobClient(RegistryTransport transport)
{
    /// <summary>HEADs the blob; pushes pass the push scope so that one token serves the whole push.</summary>
    public async Task<bool> ExistsAsync(Reference repository, Digest digest, CancellationToken cancellationToken, bool forPush = false)
    {
        var scopes = forPush ? RegistryRequest.PushScope(repository) : RegistryRequest.PullScope(repository);
        var request = new RegistryRequest(HttpMethod.Head, transport.Endpoints.Blob(repository, digest), repository, scopes);
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryErrors.FromResponseAsync(response, $"check blob {repository.Name}@{digest}", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Opens the blob body as a stream that throws, naming the blob, when the registry sends other bytes,
    /// fewer or more bytes than the descriptor says. Read it to the end to complete the verification.
    /// </summary>
    public async Task<Stream> OpenAsync(Reference repository, Descriptor blob, CancellationToken cancellationToken)
    {
        var what = $"blob {repository.Name}@{blob.Digest}";
        var request = new RegistryRequest(HttpMethod.Get, transport.Endpoints.Blob(repository, blob.Digest), repository, RegistryRequest.PullScope(repository));
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new KilnException(ErrorCodes.RegistryNotFound, $"{what}: not found");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RegistryErrors.FromResponseAsync(response, $"fetch {what}", cancellationToken).ConfigureAwait(false);
            }

            if (response.Content.Headers.ContentLength is { } length && length != blob.Size)
            {
                throw new KilnException(ErrorCodes.RegistrySizeMismatch, $"{what}: the registry announces {length} bytes but the descriptor gives {blob.Size}");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new VerifiedBlobStream(new ResponseStream(body, response), blob.Digest, blob.Size, what);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Copies the verified blob into <paramref name="destination"/>; nothing unverified is reported as success.</summary>
    public async Task FetchAsync(Reference repository, Descriptor blob, Stream destination, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(repository, blob, cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(destination, 1024 * 1024, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A response body that disposes its response with it.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
