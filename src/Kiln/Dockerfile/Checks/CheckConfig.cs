using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// Which rules run and whether findings fail the build, from <c># check=skip=A,B;error=true;experimental=C</c>
/// or the <c>BUILDKIT_DOCKERFILE_CHECK</c> build argument (which replaces the directive entirely).
/// </summary>
/// <remarks>
/// As in BuildKit: <c>skip=all</c> turns every stable rule off; experimental rules run only when
/// <c>experimental=</c> names them or says <c>all</c>, whatever <c>skip</c> says; naming a rule as experimental
/// also removes it from the skip list.
/// </remarks>
internal sealed record CheckConfig(
    ImmutableHashSet<string> Skip,
    bool SkipAll,
    ImmutableHashSet<string> Experimental,
    bool ExperimentalAll,
    bool Error)
{
    public const string BuildArgName = "BUILDKIT_DOCKERFILE_CHECK";

    public static CheckConfig Default { get; } = new([], false, [], false, false);

    public bool IsEnabled(CheckRule rule) => rule.Experimental
        ? ExperimentalAll || Experimental.Contains(rule.Name)
        : !SkipAll && !Skip.Contains(rule.Name);

    /// <summary>Parses the option string; returns null with an error diagnostic when it is malformed.</summary>
    public static CheckConfig? Parse(string? value, SourceSpan? span, out Diagnostic? error)
    {
        error = null;
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            return Default;
        }

        var skip = ImmutableHashSet<string>.Empty;
        var experimental = ImmutableHashSet<string>.Empty;
        bool skipAll = false, experimentalAll = false, fail = false;
        foreach (var part in text.Split(';', 3))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                error = Invalid($"invalid check option \"{part}\"", span);
                return null;
            }

            var key = part[..eq].Trim();
            var v = part[(eq + 1)..].Trim();
            switch (key)
            {
                case "skip":
                    skipAll = v == "all";
                    skip = skipAll ? [] : [.. v.Split(',').Select(r => r.Trim())];
                    break;
                case "experimental":
                    experimentalAll = v == "all";
                    experimental = experimentalAll ? [] : [.. v.Split(',').Select(r => r.Trim())];
                    break;
                case "error":
                    if (!TryParseGoBool(v, out fail))
                    {
                        error = Invalid($"failed to parse check option \"{part}\": strconv.ParseBool: parsing \"{v}\": invalid syntax", span);
                        return null;
                    }

                    break;
                default:
                    error = Invalid($"invalid check option \"{key}\"", span);
                    return null;
            }
        }

        return new CheckConfig(skip.Except(experimental), skipAll, experimental, experimentalAll, fail);
    }

    /// <summary>Go's strconv.ParseBool: 1, t, T, TRUE, true, True and their false counterparts.</summary>
    public static bool TryParseGoBool(string value, out bool result)
    {
        switch (value)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                result = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    private static Diagnostic Invalid(string message, SourceSpan? span) =>
        Diagnostic.Error(ErrorCodes.CheckInvalidOptions, "failed to parse check options: " + message, span);
}
