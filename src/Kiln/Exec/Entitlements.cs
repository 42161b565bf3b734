using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Exec;

/// <summary>
/// The set granted by <c>--allow network.host --allow security.insecure</c> (values may also be
/// comma-separated, as buildx accepts). <see cref="Require"/> is the one check every step goes through.
/// </summary>
internal sealed record Entitlements(ImmutableHashSet<Entitlement> Granted)
{
    public const string NetworkHostName = "network.host";
    public const string SecurityInsecureName = "security.insecure";

    public static Entitlements None { get; } = new(ImmutableHashSet<Entitlement>.Empty);

    public bool Allows(Entitlement entitlement) => Granted.Contains(entitlement);

    /// <summary>Throws <see cref="ErrorCodes.EntitlementRequired"/> unless <paramref name="entitlement"/> was granted.</summary>
    public void Require(Entitlement entitlement, SourceSpan? span = null)
    {
        if (!Allows(entitlement))
        {
            var name = NameOf(entitlement);
            throw new KilnException(
                ErrorCodes.EntitlementRequired,
                $"{name} is not allowed: grant the entitlement with --allow {name}",
                span);
        }
    }

    /// <summary>Checks what a step asks for: host network and insecure security each need their entitlement.</summary>
    public void RequireFor(NetworkMode network, SecurityMode security, SourceSpan? span = null)
    {
        if (network == NetworkMode.Host)
        {
            Require(Entitlement.NetworkHost, span);
        }

        if (security == SecurityMode.Insecure)
        {
            Require(Entitlement.SecurityInsecure, span);
        }
    }

    /// <summary>Parses <c>--allow</c> values; an unknown name is a diagnostic, the rest are still granted.</summary>
    public static Entitlements Parse(IEnumerable<string> values, out ImmutableArray<Diagnostic> diagnostics)
    {
        var granted = ImmutableHashSet.CreateBuilder<Entitlement>();
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            switch (value)
            {
                case NetworkHostName:
                    granted.Add(Entitlement.NetworkHost);
                    break;
                case SecurityInsecureName:
                    granted.Add(Entitlement.SecurityInsecure);
                    break;
                default:
                    errors.Add(Diagnostic.Error(
                        ErrorCodes.InvalidEntitlement,
                        $"invalid entitlement: {value} (expected {NetworkHostName} or {SecurityInsecureName})"));
                    break;
            }
        }

        diagnostics = errors.ToImmutable();
        return new Entitlements(granted.ToImmutable());
    }

    public static string NameOf(Entitlement entitlement) => entitlement switch
    {
        Entitlement.NetworkHost => NetworkHostName,
        Entitlement.SecurityInsecure => SecurityInsecureName,
        _ => throw new ArgumentOutOfRangeException(nameof(entitlement)),
    };
}
