using System.Collections.Immutable;

namespace Kiln.Registry.Auth;

/// <summary>One challenge from a WWW-Authenticate header: a scheme with its parameters (names lower-cased).</summary>
internal sealed record AuthChallenge(string Scheme, ImmutableDictionary<string, string> Parameters)
{
    public const string BearerScheme = "bearer";
    public const string BasicScheme = "basic";

    /// <summary>The token68 form some schemes use instead of parameters, if present.</summary>
    public string? Token68 { get; init; }

    public bool IsBearer => Scheme == BearerScheme;

    public bool IsBasic => Scheme == BasicScheme;

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    /// <summary>The space-separated scopes the registry asked for, in order.</summary>
    public ImmutableArray<string> Scopes =>
        Parameters.TryGetValue("scope", out var scope)
            ? [.. scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)]
            : [];
}
