using System.Collections.Immutable;

namespace Kiln.Context;

/// <summary>
/// An ordered list of ignore patterns with BuildKit's walk-time semantics: the last matching pattern wins,
/// a pattern that matched a directory keeps matching everything beneath it, and an excluded directory is
/// only descended into when an exception could re-include something inside it.
/// </summary>
internal sealed class IgnoreMatcher
{
    private readonly bool _onlyPrefixExceptions;

    public IgnoreMatcher(ImmutableArray<IgnorePattern> patterns)
    {
        Patterns = patterns;
        HasExceptions = patterns.Any(p => p.IsException);
        _onlyPrefixExceptions = !patterns.Any(p => p.IsException && p.TextWithoutTrailingGlob().AsSpan().IndexOfAny("*[]?^\\") >= 0);
    }

    public static IgnoreMatcher Empty { get; } = new([]);

    public ImmutableArray<IgnorePattern> Patterns { get; }

    public bool HasExceptions { get; }

    public bool IsEmpty => Patterns.IsEmpty;

    /// <summary>
    /// Builds a matcher from pattern strings (as <c>--build-context</c> or an API passes them), reporting every
    /// malformed pattern in <paramref name="errors"/>.
    /// </summary>
    public static IgnoreMatcher Create(IEnumerable<string> patterns, out ImmutableArray<string> errors)
    {
        var list = ImmutableArray.CreateBuilder<IgnorePattern>();
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in patterns)
        {
            if (!IgnorePattern.TryCreate(raw, 0, out var pattern, out var error))
            {
                problems.Add(error);
            }
            else if (pattern is not null)
            {
                list.Add(pattern);
            }
        }

        errors = problems.ToImmutable();
        return new IgnoreMatcher(list.ToImmutable());
    }

    /// <summary>
    /// Decides one path during a walk. <paramref name="parent"/> is the state returned for its directory
    /// (<see cref="IgnoreMatchState.None"/> at the top level); the returned state is what its children need.
    /// </summary>
    public bool IsExcluded(string path, IgnoreMatchState parent, out IgnoreMatchState state)
    {
        var matchedBy = new bool[Patterns.Length];
        var hasParent = !parent.IsNone;
        var excluded = false;
        for (var i = 0; i < Patterns.Length; i++)
        {
            var pattern = Patterns[i];
            var match = hasParent && parent.Matched(i);
            if (!match)
            {
                // An include pattern cannot change an excluded path, nor an exception an included one.
                if (pattern.IsException != excluded)
                {
                    continue;
                }

                match = pattern.Matches(path) || (!hasParent && MatchesAncestor(pattern, path));
            }

            matchedBy[i] = match;
            if (match)
            {
                excluded = !pattern.IsException;
            }
        }

        state = new IgnoreMatchState(matchedBy);
        return excluded;
    }

    /// <summary>
    /// Whether a walk must still descend into <paramref name="directory"/>, which is excluded, because an
    /// exception might re-include something beneath it.
    /// </summary>
    public bool MustDescendExcluded(string directory)
    {
        if (!_onlyPrefixExceptions)
        {
            return true;
        }

        if (!HasExceptions)
        {
            return false;
        }

        var withSlash = directory + "/";
        foreach (var pattern in Patterns)
        {
            if (pattern.IsException && (pattern.TextWithoutTrailingGlob() + "/").StartsWith(withSlash, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a walk of the context leaves <paramref name="path"/> out, assuming every ancestor is a
    /// directory: the path's own verdict, or an excluded ancestor the walk never descends into.
    /// </summary>
    public bool IsExcluded(string path)
    {
        var state = IgnoreMatchState.None;
        var start = 0;
        while (true)
        {
            var slash = path.IndexOf('/', start);
            var current = slash < 0 ? path : path[..slash];
            var excluded = IsExcluded(current, state, out state);
            if (slash < 0)
            {
                return excluded;
            }

            if (excluded && !MustDescendExcluded(current))
            {
                return true;
            }

            start = slash + 1;
        }
    }

    private static bool MatchesAncestor(IgnorePattern pattern, string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.Matches(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }
}
