using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Context;

/// <summary>
/// A hashed build context: its entries in walk order with content digests, and digests of selections of it
/// (names, content, modes, ownership, symlink targets and empty directories; never timestamps).
/// </summary>
internal sealed class ContextSnapshot
{
    private const int MaxSymlinkHops = 255;
    private Dictionary<string, int>? _index;

    public ContextSnapshot(string name, string directory, ImmutableArray<ContextEntry> entries)
    {
        Name = name;
        Directory = directory;
        Entries = entries;
    }

    public string Name { get; }

    public string Directory { get; }

    public ImmutableArray<ContextEntry> Entries { get; }

    /// <summary>The digest of the whole context.</summary>
    public Digest Digest => DigestOf(ContextSelection.All);

    public ContextEntry? Find(string path) =>
        LazyInitializer.EnsureInitialized(ref _index, BuildIndex).TryGetValue(path, out var i) ? Entries[i] : null;

    /// <summary>
    /// Resolves symlinks along <paramref name="path"/> within the context and returns the cleaned relative path
    /// it names. A path that leads through a symlink out of the context throws
    /// <see cref="ErrorCodes.ContextPathEscapes"/>; a missing path resolves lexically.
    /// </summary>
    public string Resolve(string path)
    {
        var pending = new Stack<string>(SplitReversed(path));
        var resolved = new List<string>();
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count == 0)
                {
                    throw Escape(path, "it climbs above the context root");
                }

                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            resolved.Add(part);
            var entry = Find(string.Join('/', resolved));
            if (entry?.Kind != ContextEntryKind.Symlink)
            {
                continue;
            }

            if (++hops > MaxSymlinkHops)
            {
                throw Escape(path, "too many levels of symbolic links");
            }

            var target = entry.LinkTarget ?? "";
            if (target.StartsWith('/'))
            {
                throw Escape(path, $"{entry.Path} is a symlink to the absolute path {target}");
            }

            resolved.RemoveAt(resolved.Count - 1);
            foreach (var piece in SplitReversed(target))
            {
                pending.Push(piece);
            }
        }

        return string.Join('/', resolved);
    }

    /// <summary>The content digest of the entries <paramref name="selection"/> covers.</summary>
    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Digest DigestOf(ContextSelection selection)
    {
        var root = Resolve(selection.Path);
        var include = Matcher(selection.IncludePatterns);
        var exclude = Matcher(selection.ExcludePatterns);
        var selected = new List<(string Relative, ContextEntry Entry, bool Matched)>();
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            var relative = RelativeTo(root, entry.Path);
            if (relative is null)
            {
                continue;
            }

            var matched = relative.Length == 0
                || ((exclude is null || !exclude.IsExcluded(relative)) && (include is null || include.IsExcluded(relative)));
            selected.Add((relative, entry, matched));
            if (matched && (include is not null || exclude is not null))
            {
                for (var slash = relative.IndexOf('/'); slash > 0; slash = relative.IndexOf('/', slash + 1))
                {
                    ancestors.Add(relative[..slash]);
                }
            }
        }

        using var writer = new SelectionHashWriter(root);
        foreach (var (relative, entry, matched) in selected)
        {
            // A directory holding something selected is part of the selection, as a copy would create it.
            if (matched || (entry.Kind == ContextEntryKind.Directory && ancestors.Contains(relative)))
            {
                writer.Write(relative, entry);
            }
        }

        return writer.Finish();
    }

    private static string? RelativeTo(string root, string path)
    {
        if (root.Length == 0)
        {
            return path;
        }

        if (path == root)
        {
            return "";
        }

        return path.Length > root.Length && path[root.Length] == '/' && path.StartsWith(root, StringComparison.Ordinal)
            ? path[(root.Length + 1)..]
            : null;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(Entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < Entries.Length; i++)
        {
            index[Entries[i].Path] = i;
        }

        return index;
    }

    private static IgnoreMatcher? Matcher(ImmutableArray<string> patterns)
    {
        if (patterns.IsDefaultOrEmpty)
        {
            return null;
        }

        var matcher = IgnoreMatcher.Create(patterns, out var errors);
        return errors.IsEmpty ? matcher : throw new KilnException(ErrorCodes.InvalidIgnorePattern, errors[0]);
    }

    private static IEnumerable<string> SplitReversed(string path) => path.Split('/').Reverse();

    private KilnException Escape(string path, string why) =>
        new(ErrorCodes.ContextPathEscapes, $"path \"{path}\" in build context \"{Name}\" resolves outside the context: {why}");
}
