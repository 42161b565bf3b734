using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>Lists a repository's tags, following the Link header from page to page.</summary>
internal sealed class TagLister(RegistryTransport transport)
{
    private const int MaxPages = 100_000;
    private const int MaxPageBytes = 16 * 1024 * 1024;

    public async Task<ImmutableArray<string>> ListAsync(Reference repository, CancellationToken cancellationToken)
    {
        var tags = ImmutableArray.CreateBuilder<string>();
        Uri? next = transport.Endpoints.Tags(repository, transport.Options.TagPageSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; next is not null; page++)
        {
            if (page >= MaxPages || !seen.Add(next.AbsoluteUri))
            {
                throw new KilnException(ErrorCodes.InvalidRegistryResponse, $"list tags of {repository.Name}: the registry's Link headers loop");
            }

            var request = new RegistryRequest(HttpMethod.Get, next, repository, RegistryRequest.PullScope(repository)) { Accept = "application/json" };
            using var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new KilnException(ErrorCodes.RegistryNotFound, $"list tags of {repository.Name}: repository not found");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RegistryErrors.FromResponseAsync(response, $"list tags of {repository.Name}", cancellationToken).ConfigureAwait(false);
            }

            if (response.Content.Headers.ContentLength > MaxPageBytes)
            {
                throw new KilnException(ErrorCodes.InvalidRegistryResponse, $"list tags of {repository.Name}: a page is larger than {MaxPageBytes} bytes");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            tags.AddRange(ParsePage(body, repository));
            next = LinkHeader.Next(response);
        }

        return tags.ToImmutable();
    }

    /// <summary>The tags of one {"name": ..., "tags": [...]} page; a null or missing list is empty.</summary>
    public static IEnumerable<string> ParsePage(ReadOnlySpan<byte> body, Reference repository)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(repository, "the answer is not a JSON object");
            }

            if (!root.TryGetProperty("tags", out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(repository, "\"tags\" is not an array");
            }

            var result = new List<string>(list.GetArrayLength());
            foreach (var tag in list.EnumerateArray())
            {
                result.Add(tag.ValueKind == JsonValueKind.String ? tag.GetString()! : throw Invalid(repository, "a tag is not a string"));
            }

            return result;
        }
        catch (JsonException e)
        {
            throw Invalid(repository, $"invalid JSON: {e.Message}");
        }
    }

    private static KilnException Invalid(Reference repository, string detail) =>
        new(ErrorCodes.InvalidRegistryResponse, $"list tags of {repository.Name}: {detail}");
}
