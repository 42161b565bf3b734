using System.Net;
using System.Net.Http.Headers;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>Moves manifests (OCI or Docker, image or index) to and from a registry, every digest checked against the exact bytes.</summary>
internal sealed class ManifestClient(RegistryTransport transport)
{
    /// <summary>Every manifest and index type kiln reads, OCI and Docker schema 2.</summary>
    public static readonly string AcceptAll = string.Join(
        ", ", MediaType.OciIndex, MediaType.DockerManifestList, MediaType.OciManifest, MediaType.DockerManifest);

    private const string DigestHeader = "Docker-Content-Digest";

    /// <summary>The descriptor a tag or digest points at: HEAD first, GET when HEAD leaves out the digest, type or size.</summary>
    public async Task<Descriptor> ResolveAsync(Reference reference, CancellationToken cancellationToken)
    {
        reference = reference.WithDefaultTag();
        var request = new RegistryRequest(HttpMethod.Head, transport.Endpoints.Manifest(reference, reference.Identifier), reference, RegistryRequest.PullScope(reference))
        {
            Accept = AcceptAll,
        };
        using (var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false))
        {
            ThrowIfNotFound(response, reference);
            if (!response.IsSuccessStatusCode)
            {
                throw await RegistryErrors.FromResponseAsync(response, $"resolve {reference}", cancellationToken).ConfigureAwait(false);
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (HeaderDigest(response, reference) is { } digest
                && contentType is not null
                && MediaType.KindOf(MediaType.FromContentType(contentType)) is MediaTypeKind.Manifest or MediaTypeKind.Index
                && response.Content.Headers.ContentLength is { } length and > 0)
            {
                if (reference.Digest is { } wanted && wanted != digest)
                {
                    throw new KilnException(ErrorCodes.RegistryDigestMismatch, $"resolve {reference}: the registry answered with digest {digest}");
                }

                return new Descriptor(MediaType.FromContentType(contentType), digest, length);
            }
        }

        return (await FetchAsync(reference, cancellationToken).ConfigureAwait(false)).Descriptor;
    }

    /// <summary>Fetches the manifest bytes, verifying the digest named in the reference and the one the registry reports.</summary>
    public async Task<RegistryManifest> FetchAsync(Reference reference, CancellationToken cancellationToken)
    {
        reference = reference.WithDefaultTag();
        var request = new RegistryRequest(HttpMethod.Get, transport.Endpoints.Manifest(reference, reference.Identifier), reference, RegistryRequest.PullScope(reference))
        {
            Accept = AcceptAll,
        };
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        ThrowIfNotFound(response, reference);
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryErrors.FromResponseAsync(response, $"fetch manifest {reference}", cancellationToken).ConfigureAwait(false);
        }

        var bytes = await ReadLimitedAsync(response, reference, cancellationToken).ConfigureAwait(false);
        var reported = HeaderDigest(response, reference);
        foreach (var expected in new[] { reference.Digest, reported })
        {
            if (expected is { } want && Digest.Compute(want.Algorithm, bytes) != want)
            {
                throw new KilnException(
                    ErrorCodes.RegistryDigestMismatch,
                    $"fetch manifest {reference}: the body has digest {Digest.Compute(want.Algorithm, bytes)} but {(want == reference.Digest ? "the reference names" : "the registry reported")} {want}");
            }
        }

        var digest = reference.Digest ?? reported ?? Digest.Sha256(bytes);
        var (_, mediaType) = OciDocument.Detect(bytes, response.Content.Headers.ContentType?.MediaType, reference.ToString());
        return new RegistryManifest(new Descriptor(mediaType, digest, bytes.Length), bytes);
    }

    /// <summary>PUTs the exact bytes under the reference's tag (or digest); returns their descriptor and the registry's OCI-Subject answer.</summary>
    public async Task<(Descriptor Descriptor, bool SubjectProcessed)> PushAsync(
        Reference reference, string mediaType, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (MediaType.KindOf(mediaType) is not (MediaTypeKind.Manifest or MediaTypeKind.Index))
        {
            throw new KilnException(ErrorCodes.UnsupportedManifestMediaType, $"push {reference}: \"{mediaType}\" is not a manifest or index media type");
        }

        var digest = Digest.Sha256(bytes.Span);
        if (reference.Digest is { } named && named != digest)
        {
            throw new KilnException(ErrorCodes.RegistryDigestMismatch, $"push {reference}: the manifest bytes have digest {digest}");
        }

        var identifier = reference.Tag ?? reference.Digest?.ToString() ?? digest.ToString();
        var request = new RegistryRequest(HttpMethod.Put, transport.Endpoints.Manifest(reference, identifier), reference, RegistryRequest.PushScope(reference))
        {
            Content = () =>
            {
                var content = new ReadOnlyMemoryContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                return content;
            },
        };
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created && !response.IsSuccessStatusCode)
        {
            throw await RegistryErrors.FromResponseAsync(response, $"push manifest {reference}", cancellationToken).ConfigureAwait(false);
        }

        if (HeaderDigest(response, reference) is { } reported && reported.Algorithm == digest.Algorithm && reported != digest)
        {
            throw new KilnException(ErrorCodes.RegistryDigestMismatch, $"push manifest {reference}: the registry stored digest {reported}, kiln sent {digest}");
        }

        var subjectProcessed = response.Headers.NonValidated.Contains("OCI-Subject");
        return (new Descriptor(mediaType, digest, bytes.Length), subjectProcessed);
    }

    /// <summary>Deletes a manifest by digest (registries refuse deleting by tag).</summary>
    public async Task DeleteAsync(Reference reference, Digest digest, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Delete, transport.Endpoints.Manifest(reference, digest.ToString()), reference, [$"repository:{reference.Repository}:delete"]);
        using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryErrors.FromResponseAsync(response, $"delete manifest {reference.WithDigest(digest)}", cancellationToken).ConfigureAwait(false);
        }
    }

    public static Digest? HeaderDigest(HttpResponseMessage response, Reference reference)
    {
        if (!response.Headers.NonValidated.TryGetValues(DigestHeader, out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Digest.TryParse(text, out var digest, out var error)
            ? digest
            : throw new KilnException(ErrorCodes.InvalidRegistryResponse, $"{reference}: the registry sent an invalid {DigestHeader} header ({error})");
    }

    private static void ThrowIfNotFound(HttpResponseMessage response, Reference reference)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new KilnException(ErrorCodes.RegistryNotFound, $"{reference}: not found");
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, Reference reference, CancellationToken cancellationToken)
    {
        var max = transport.Options.MaxManifestBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > max)
        {
            throw new KilnException(ErrorCodes.ManifestTooLarge, $"fetch manifest {reference}: {declared} bytes is more than the {max} allowed");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream(declared is { } d ? (int)d : 4096);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new KilnException(ErrorCodes.ManifestTooLarge, $"fetch manifest {reference}: more than the {max} bytes allowed");
            }

            buffer.Write(chunk, 0, read);
        }

        if (declared is { } expected && buffer.Length != expected)
        {
            throw new KilnException(ErrorCodes.RegistrySizeMismatch, $"fetch manifest {reference}: the body has {buffer.Length} bytes but Content-Length said {expected}");
        }

        return buffer.ToArray();
    }
}
