using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>
/// One distribution API call: method, URL, the repository it concerns and the token scopes it needs. The body
/// is a factory so that every retry sends fresh content.
/// </summary>
internal sealed record RegistryRequest(HttpMethod Method, Uri Uri, Reference Repository, ImmutableArray<string> Scopes)
{
    public string? Accept { get; init; }

    public Func<HttpContent>? Content { get; init; }

    public ImmutableArray<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Whether the transport retries this request on 429, 5xx and dropped connections.</summary>
    public bool Retry { get; init; } = true;

    public static ImmutableArray<string> PullScope(Reference repository) => [$"repository:{repository.Repository}:pull"];

    public static ImmutableArray<string> PushScope(Reference repository) => [$"repository:{repository.Repository}:pull,push"];

    internal HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(Method, Uri);
        if (Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Content is not null)
        {
            message.Content = Content();
        }

        return message;
    }
}
