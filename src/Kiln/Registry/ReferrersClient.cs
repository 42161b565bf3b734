using System.Collections.Immutable;
using System.Net;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>
/// The referrers of a manifest: the OCI referrers API, or, where the registry lacks it (404), the index kept
/// under the fallback tag <c>&lt;alg&gt;-&lt;hex&gt;</c>, which pushes of manifests with a subject keep up to date.
/// </summary>
internal sealed class ReferrersClient(RegistryTransport transport, ManifestClient manifests)
{
    public static string FallbackTag(Digest subject)
    {
        var algorithm = subject.Algorithm.Length > 32 ? subject.Algorithm[..32] : subject.Algorithm;
        var hex = subject.Hex.Length > 64 ? subject.Hex[..64] : subject.Hex;
        return $"{algorithm}-{hex}";
    }

    /// <summary>The referrers of <paramref name="subject"/>, following Link pages; the fallback tag's index when the API answers 404.</summary>
    public async Task<ImmutableArray<Descriptor>> ListAsync(Reference repository, Digest subject, string? artifactType, CancellationToken cancellationToken)
    {
        var found = ImmutableArray.CreateBuilder<Descriptor>();
        Uri? next = transport.Endpoints.Referrers(repository, subject, artifactType);
        var what = $"referrers of {repository.Name}@{subject}";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var first = true; next is not null; first = false)
        {
            if (!seen.Add(next.AbsoluteUri))
            {
                throw new KilnException(ErrorCodes.InvalidRegistryResponse, $"{what}: the registry's Link headers loop");
            }

            var request = new RegistryRequest(HttpMethod.Get, next, repository, RegistryRequest.PullScope(repository)) { Accept = MediaType.OciIndex };
            using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (first && response.StatusCode == HttpStatusCode.NotFound)
            {
                return Filter(await ReadFallbackAsync(repository, subject, cancellationToken).ConfigureAwait(false), artifactType);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RegistryErrors.FromResponseAsync(response, $"list {what}", cancellationToken).ConfigureAwait(false);
            }

            if (response.Content.Headers.ContentLength > transport.Options.MaxManifestBytes)
            {
                throw new KilnException(ErrorCodes.ManifestTooLarge, $"{what}: a page is larger than {transport.Options.MaxManifestBytes} bytes");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            found.AddRange(ImageIndex.Parse(body, what).Manifests);
            next = LinkHeader.Next(response);
        }

        return Filter(found.ToImmutable(), artifactType);
    }

    /// <summary>Adds <paramref name="referrer"/> to the fallback tag's index (creating it), unless it is listed already.</summary>
    public async Task AddToFallbackAsync(Reference repository, Digest subject, Descriptor referrer, CancellationToken cancellationToken)
    {
        var existing = await ReadFallbackAsync(repository, subject, cancellationToken).ConfigureAwait(false);
        if (existing.Any(d => d.Digest == referrer.Digest))
        {
            return;
        }

        var index = new ImageIndex(MediaType.OciIndex, existing.Add(referrer));
        await manifests.PushAsync(repository.WithTag(FallbackTag(subject)), MediaType.OciIndex, index.ToBytes(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The descriptor a referrers index lists for a manifest or index that has a subject; null when it has none.</summary>
    public static (Digest Subject, Descriptor Referrer)? DescribeReferrer(OciDocument document, Descriptor pushed)
    {
        var (subject, artifactType, annotations) = document.Kind == OciDocumentKind.Index
            ? (document.Index!.Subject, document.Index.ArtifactType, document.Index.Annotations)
            : (document.Manifest!.Subject, document.Manifest.ArtifactType ?? document.Manifest.Config.MediaType, document.Manifest.Annotations);
        if (subject is null)
        {
            return null;
        }

        return (subject.Digest, new Descriptor(pushed.MediaType, pushed.Digest, pushed.Size) { ArtifactType = artifactType, Annotations = annotations });
    }

    private async Task<ImmutableArray<Descriptor>> ReadFallbackAsync(Reference repository, Digest subject, CancellationToken cancellationToken)
    {
        var tag = repository.WithTag(FallbackTag(subject));
        RegistryManifest fetched;
        try
        {
            fetched = await manifests.FetchAsync(tag, cancellationToken).ConfigureAwait(false);
        }
        catch (KilnException e) when (e.Code == ErrorCodes.RegistryNotFound)
        {
            return [];
        }

        var document = fetched.Parse(tag.ToString());
        return document.Index is { } index
            ? index.Manifests
            : throw new KilnException(ErrorCodes.InvalidRegistryResponse, $"{tag}: the referrers fallback tag holds a manifest, not an index");
    }

    private static ImmutableArray<Descriptor> Filter(ImmutableArray<Descriptor> descriptors, string? artifactType) =>
        artifactType is null ? descriptors : [.. descriptors.Where(d => d.ArtifactType == artifactType)];
}
