namespace Kiln.Registry.Auth;

/// <summary>A bearer token from a registry's token service, with the instant after which it must not be used.</summary>
internal sealed record BearerToken(string Value, DateTimeOffset ExpiresAt)
{
    public bool IsUsableAt(DateTimeOffset now, TimeSpan margin) => now + margin < ExpiresAt;

    public override string ToString() => $"BearerToken {{ ExpiresAt = {ExpiresAt:O} }}";
}
