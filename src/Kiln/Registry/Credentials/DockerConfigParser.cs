using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Registry.Credentials;

/// <summary>Reads the credential sections of a Docker config.json; every malformed entry is an error naming the file.</summary>
internal static class DockerConfigParser
{
    private const int MaxConfigBytes = 4 * 1024 * 1024;

    public static async Task<DockerConfig> LoadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return DockerConfig.Empty;
            }

            if (info.Length > MaxConfigBytes)
            {
                throw Invalid(path, $"the file is larger than {MaxConfigBytes} bytes");
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KilnException(ErrorCodes.InvalidDockerConfig, $"cannot read docker config {path}: {e.Message}", inner: e);
        }

        return Parse(bytes, path);
    }

    public static DockerConfig Parse(ReadOnlySpan<byte> json, string path)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.IsEmpty || json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return DockerConfig.Empty;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"invalid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the top level must be a JSON object");
            }

            var auths = ImmutableDictionary.CreateBuilder<string, RegistryCredential>(StringComparer.Ordinal);
            if (root.TryGetProperty("auths", out var authsElement) && authsElement.ValueKind != JsonValueKind.Null)
            {
                RequireKind(authsElement, JsonValueKind.Object, "auths", path);
                foreach (var entry in authsElement.EnumerateObject())
                {
                    RequireKind(entry.Value, JsonValueKind.Object, $"auths[\"{entry.Name}\"]", path);
                    if (ParseAuth(entry.Name, entry.Value, path) is { } credential)
                    {
                        auths[entry.Name] = credential;
                    }
                }
            }

            string? credsStore = null;
            if (root.TryGetProperty("credsStore", out var storeElement) && storeElement.ValueKind != JsonValueKind.Null)
            {
                credsStore = HelperName(storeElement, "credsStore", path);
            }

            var helpers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("credHelpers", out var helpersElement) && helpersElement.ValueKind != JsonValueKind.Null)
            {
                RequireKind(helpersElement, JsonValueKind.Object, "credHelpers", path);
                foreach (var entry in helpersElement.EnumerateObject())
                {
                    helpers[entry.Name] = HelperName(entry.Value, $"credHelpers[\"{entry.Name}\"]", path);
                }
            }

            return new DockerConfig(auths.ToImmutable(), string.IsNullOrEmpty(credsStore) ? null : credsStore, helpers.ToImmutable());
        }
    }

    private static RegistryCredential? ParseAuth(string key, JsonElement entry, string path)
    {
        var username = OptionalString(entry, "username", key, path);
        var password = OptionalString(entry, "password", key, path);
        var identityToken = OptionalString(entry, "identitytoken", key, path);
        var auth = OptionalString(entry, "auth", key, path);
        if (!string.IsNullOrEmpty(auth))
        {
            (username, password) = DecodeAuth(auth, key, path);
        }

        if (string.IsNullOrEmpty(username) && string.IsNullOrEmpty(identityToken))
        {
            return null;
        }

        return new RegistryCredential(username, password, string.IsNullOrEmpty(identityToken) ? null : identityToken);
    }

    private static (string Username, string Password) DecodeAuth(string auth, string key, string path)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(auth);
        }
        catch (FormatException)
        {
            throw Invalid(path, $"auths[\"{key}\"].auth is not valid base64");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(path, $"auths[\"{key}\"].auth does not decode to UTF-8 text");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Invalid(path, $"auths[\"{key}\"].auth must decode to username:password");
        }

        return (text[..colon], text[(colon + 1)..]);
    }

    private static string? OptionalString(JsonElement entry, string name, string key, string path)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireKind(value, JsonValueKind.String, $"auths[\"{key}\"].{name}", path);
        return value.GetString();
    }

    private static string HelperName(JsonElement element, string what, string path)
    {
        RequireKind(element, JsonValueKind.String, what, path);
        var name = element.GetString() ?? "";
        if (name.Length > 0 && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw Invalid(path, $"{what} \"{name}\" is not a valid credential helper name");
        }

        return name;
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string what, string path)
    {
        if (element.ValueKind != kind)
        {
            throw Invalid(path, $"{what} must be a JSON {kind.ToString().ToLowerInvariant()}, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static KilnException Invalid(string path, string detail) =>
        new(ErrorCodes.InvalidDockerConfig, $"invalid docker config {path}: {detail}");
}
