using System.Collections.Immutable;
using System.IO.Enumeration;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// Walks a local context the way BuildKit's file sender does: entries in code-point order of their names,
/// ignore rules applied with parent results, excluded directories pruned unless an exception may re-include
/// something beneath them (then they appear only if something inside them does). Symlinks are never followed.
/// </summary>
internal static class ContextWalker
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    public static ImmutableArray<ContextEntry> Walk(LocalContext context, CancellationToken cancellationToken)
    {
        var output = ImmutableArray.CreateBuilder<ContextEntry>();
        var pending = new List<PendingDirectory>();
        WalkDirectory(context, "", IgnoreMatchState.None, pending, output, cancellationToken);
        return output.ToImmutable();
    }

    private static void WalkDirectory(
        LocalContext context,
        string relativeDirectory,
        IgnoreMatchState parentState,
        List<PendingDirectory> pending,
        ImmutableArray<ContextEntry>.Builder output,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fullDirectory = relativeDirectory.Length == 0 ? context.Directory : Path.Combine(context.Directory, relativeDirectory);
        var names = ListNames(fullDirectory, relativeDirectory, pending.Count > 0 && !pending[^1].Emitted);
        foreach (var name in names)
        {
            var relative = relativeDirectory.Length == 0 ? name : relativeDirectory + "/" + name;
            var full = Path.Combine(fullDirectory, name);
            if (!NativeStat.TryLstat(full, out var stat))
            {
                continue; // removed while walking
            }

            var state = IgnoreMatchState.None;
            var excluded = !context.Ignore.IsEmpty && context.Ignore.IsExcluded(relative, parentState, out state);
            var entry = new ContextEntry(relative, ContextEntry.KindOf(stat), stat, stat.IsSymlink ? ReadLink(full) : null);
            if (excluded)
            {
                if (stat.IsDirectory && context.Ignore.MustDescendExcluded(relative))
                {
                    pending.Add(new PendingDirectory(entry, Emitted: false));
                    WalkDirectory(context, relative, state, pending, output, cancellationToken);
                    pending.RemoveAt(pending.Count - 1);
                }

                continue;
            }

            EmitPending(pending, output);
            output.Add(entry);
            if (stat.IsDirectory)
            {
                pending.Add(new PendingDirectory(entry, Emitted: true));
                WalkDirectory(context, relative, state, pending, output, cancellationToken);
                pending.RemoveAt(pending.Count - 1);
            }
        }
    }

    // Excluded directories that were descended into appear once something inside them is included.
    private static void EmitPending(List<PendingDirectory> pending, ImmutableArray<ContextEntry>.Builder output)
    {
        for (var i = 0; i < pending.Count; i++)
        {
            if (!pending[i].Emitted)
            {
                output.Add(pending[i].Entry);
                pending[i] = pending[i] with { Emitted = true };
            }
        }
    }

    private static List<string> ListNames(string fullDirectory, string relativeDirectory, bool excluded)
    {
        var names = new List<string>();
        try
        {
            var enumerable = new FileSystemEnumerable<string>(fullDirectory, (ref FileSystemEntry e) => e.FileName.ToString(), ListOptions);
            names.AddRange(enumerable);
        }
        catch (UnauthorizedAccessException ex)
        {
            // BuildKit tolerates an unreadable directory only when it is excluded anyway.
            if (excluded)
            {
                return names;
            }

            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read directory {Display(relativeDirectory)}: {ex.Message}", inner: ex);
        }
        catch (IOException ex)
        {
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read directory {Display(relativeDirectory)}: {ex.Message}", inner: ex);
        }

        names.Sort(SlashPath.CompareOrdinal);
        return names;
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

    private static string Display(string relative) => relative.Length == 0 ? "." : relative;

    private readonly record struct PendingDirectory(ContextEntry Entry, bool Emitted);
}
