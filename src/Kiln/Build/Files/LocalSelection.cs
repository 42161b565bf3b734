using System.Collections.Immutable;
using Kiln.Context;

namespace Kiln.Build.Files;

/// <summary>
/// The entries of a walked context a local source op keeps: those its include patterns match (a matched directory
/// brings everything beneath it) and the directories leading to them; no patterns, or ".", keep everything.
/// </summary>
internal static class LocalSelection
{
    public static ImmutableArray<ContextEntry> Filter(ImmutableArray<ContextEntry> entries, ImmutableArray<string> includePatterns)
    {
        var patterns = (includePatterns.IsDefault ? [] : includePatterns).Select(p => p.Trim().TrimStart('/')).ToList();
        if (patterns.Count == 0 || patterns.Any(p => SlashPath.Clean(p) == "."))
        {
            return entries;
        }

        var matcher = CopyActionApplier.Matcher([.. patterns])!;
        var matched = new bool[entries.Length];
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var path = entries[i].Path;
            matched[i] = matcher.IsExcluded(path);
            if (matched[i])
            {
                for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
                {
                    ancestors.Add(path[..slash]);
                }
            }
        }

        var kept = ImmutableArray.CreateBuilder<ContextEntry>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (matched[i] || (entries[i].Kind == ContextEntryKind.Directory && ancestors.Contains(entries[i].Path)))
            {
                kept.Add(entries[i]);
            }
        }

        return kept.ToImmutable();
    }
}
