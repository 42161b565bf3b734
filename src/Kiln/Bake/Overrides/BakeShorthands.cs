using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Overrides;

/// <summary>
/// The command-line shorthands as the <c>--set</c> flags buildx turns them into, appended after the user's own:
/// --push, --load, --no-cache, --pull, --sbom and --provenance.
/// </summary>
internal static class BakeShorthands
{
    public static ImmutableArray<string> Expand(
        IEnumerable<string> sets, bool push, bool load, bool? noCache, bool? pull, string? sbom, string? provenance)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        result.AddRange(sets);
        if (push && load)
        {
            throw new KilnException(ErrorCodes.BakeInvalidFlag, "push and load may not be set together at the moment");
        }

        if (push)
        {
            result.Add("*.push=true");
        }
        else if (load)
        {
            result.Add("*.output=type=docker");
        }

        if (noCache is { } n)
        {
            result.Add($"*.no-cache={(n ? "true" : "false")}");
        }

        if (pull is { } p)
        {
            result.Add($"*.pull={(p ? "true" : "false")}");
        }

        if (!string.IsNullOrEmpty(sbom))
        {
            result.Add("*.attest=" + CanonicalAttest("sbom", sbom));
        }

        if (!string.IsNullOrEmpty(provenance))
        {
            result.Add("*.attest=" + CanonicalAttest("provenance", provenance));
        }

        return result.ToImmutable();
    }

    /// <summary>A bool becomes <c>type=T,disabled=!b</c>; anything else is prefixed with <c>type=T,</c>.</summary>
    public static string CanonicalAttest(string type, string value) =>
        GoBool.Parse(value) is { } enabled
            ? $"type={type},disabled={(enabled ? "false" : "true")}"
            : $"type={type},{value}";
}
