using System.Net;
using System.Text;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Registry;

/// <summary>Turns an unexpected registry answer into a KilnException naming the operation, the status and the registry's own error codes.</summary>
internal static class RegistryErrors
{
    private const int MaxErrorBody = 64 * 1024;

    /// <summary>
    /// The error for an answer that ends the operation. With <paramref name="transient"/> set (a request the
    /// transport did not retry), 429 and 5xx become a <see cref="TransientRegistryException"/> the operation pipeline retries.
    /// </summary>
    public static async Task<KilnException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken, bool transient = false)
    {
        var detail = await ReadDetailAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var message = $"{what}: {status} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : "")}";
        if (transient && RetryPolicies.IsTransient(response.StatusCode))
        {
            return new TransientRegistryException(message, response.StatusCode, response.Headers.RetryAfter?.Delta);
        }

        var code = response.StatusCode switch
        {
            HttpStatusCode.NotFound => ErrorCodes.RegistryNotFound,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorCodes.RegistryUnauthorized,
            _ => ErrorCodes.RegistryRequestFailed,
        };
        return new KilnException(code, message);
    }

    /// <summary>"CODE: message" for each entry of the {"errors":[...]} body, or the start of a plain body.</summary>
    public static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBody];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            body = buffer[..total];
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }

        return Describe(body);
    }

    public static string Describe(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "";
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var parts = new List<string>();
                foreach (var error in errors.EnumerateArray())
                {
                    if (error.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    parts.Add(string.Join(": ", new[] { code, message }.Where(s => !string.IsNullOrEmpty(s))));
                }

                return string.Join("; ", parts.Where(p => p.Length > 0));
            }
        }
        catch (JsonException)
        {
            // not JSON: fall through to the text
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)]).Trim();
        return new string(text.Select(ch => char.IsControl(ch) ? ' ' : ch).ToArray());
    }
}
