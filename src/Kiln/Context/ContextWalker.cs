using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// Walks a local context the way BuildKit's file sender does: entries in code-point order of their names,
/// ignore rules applied with parent results, excluded directories pruned unless an exception may re-include
/// something beneath them (then they appear only if something inside them does). Symlinks are never followed.
/// Sibling directories are listed in parallel; the result order does not depend on it.
/// </summary>
internal static class ContextWalker
{
    public static ImmutableArray<ContextEntry> Walk(LocalContext context, CancellationToken cancellationToken)
    {
        try
        {
            return [.. WalkDirectory(context, "", context.Directory, IgnoreMatchState.None, excluded: false, cancellationToken)];
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }

    // The entries beneath one directory, in walk order.
    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<ContextEntry> WalkDirectory(
        LocalContext context,
        string relativeDirectory,
        string fullDirectory,
        IgnoreMatchState parentState,
        bool excluded,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var names = ListEntries(fullDirectory, relativeDirectory, excluded);
        var children = new Child[names.Count];
        var descend = new List<int>();
        for (var i = 0; i < names.Count; i++)
        {
            var child = Decide(context, fullDirectory, names[i].Path, names[i].Stat, parentState);
            children[i] = child;
            if (child.Descend)
            {
                descend.Add(i);
            }
        }

        var subtrees = new List<ContextEntry>[names.Count];
        if (descend.Count > 1)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            Parallel.ForEach(descend, options, i => subtrees[i] = WalkChild(context, children[i], fullDirectory, cancellationToken));
        }
        else
        {
            foreach (var i in descend)
            {
                subtrees[i] = WalkChild(context, children[i], fullDirectory, cancellationToken);
            }
        }

        var output = new List<ContextEntry>();
        for (var i = 0; i < names.Count; i++)
        {
            var child = children[i];
            var subtree = subtrees[i];

            // An excluded directory that was walked appears only around content re-included beneath it.
            if (!child.Excluded || subtree is { Count: > 0 })
            {
                output.Add(child.Entry);
            }

            if (subtree is not null)
            {
                output.AddRange(subtree);
            }
        }

        return output;
    }

    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Child Decide(LocalContext context, string fullDirectory, string relative, FileStat stat, IgnoreMatchState parentState)
    {
        var state = IgnoreMatchState.None;
        var excluded = !context.Ignore.IsEmpty && context.Ignore.IsExcluded(relative, parentState, out state);
        var link = stat.IsSymlink ? ReadLink(Path.Combine(fullDirectory, NameOf(relative))) : null;
        var descend = stat.IsDirectory && (!excluded || context.Ignore.MustDescendExcluded(relative));
        return new Child(new ContextEntry(relative, ContextEntry.KindOf(stat), stat, link), state, excluded, descend);
    }

    private static List<ContextEntry> WalkChild(LocalContext context, Child child, string fullDirectory, CancellationToken cancellationToken) =>
        WalkDirectory(context, child.Entry.Path, Path.Combine(fullDirectory, NameOf(child.Entry.Path)), child.State, child.Excluded, cancellationToken);

    private static List<(string Path, FileStat Stat)> ListEntries(string fullDirectory, string relativeDirectory, bool excluded)
    {
        using var handle = DirectoryHandle.TryOpen(fullDirectory, out var error);
        if (handle is not null)
        {
            return handle.ReadSorted(fullDirectory, relativeDirectory);
        }

        // BuildKit tolerates an unreadable directory only when it is excluded anyway.
        return excluded
            ? []
            : throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read directory {Display(relativeDirectory)}: {error}");
    }

    private static string ReadLink(string full)
    {
        try
        {
            return new FileInfo(full).LinkTarget ?? "";
        }
        catch (IOException ex)
        {
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read symlink {full}: {ex.Message}", inner: ex);
        }
    }

    private static string NameOf(string relative) => relative[(relative.LastIndexOf('/') + 1)..];

    private static string Display(string relative) => relative.Length == 0 ? "." : relative;

    private readonly record struct Child(ContextEntry Entry, IgnoreMatchState State, bool Excluded, bool Descend);
}
