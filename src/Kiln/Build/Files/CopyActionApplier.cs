using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>
/// Applies one <see cref="CopyAction"/> from a source root to a destination root as BuildKit's file backend does:
/// wildcards expanded (none matching is fine only when allowed), archives extracted for ADD, each source copied
/// with <see cref="TreeCopier"/>.
/// </summary>
internal static class CopyActionApplier
{
    public static async Task ApplyAsync(CopyAction action, string sourceRoot, string destinationRoot, FileUser? owner, CancellationToken cancellationToken)
    {
        var source = ScopedPath.Clean(action.Source);
        var destination = ScopedPath.Clean(action.Destination);
        if (!action.CreateDestinationPath)
        {
            var parent = Path.GetDirectoryName(ScopedPath.Resolve(destinationRoot, destination.TrimEnd('/', '.')))!;
            if (FileStatus.TryGet(parent) is null)
            {
                throw new KilnException(ErrorCodes.FilePathNotFound, $"failed to stat {action.Destination}: no such file or directory");
            }
        }

        var options = new CopyOptions
        {
            Owner = owner,
            Mode = action.Mode,
            Timestamp = action.Timestamp,
            Include = Matcher(action.IncludePatterns),
            Exclude = Matcher(action.ExcludePatterns),
            CopyDirectoryContents = action.CopyDirectoryContents,
            FollowLinks = action.FollowSymlinks,
        };
        var copier = new TreeCopier(options, cancellationToken);
        List<string> sources = [source];
        if (action.AllowWildcard && GoGlob.HasWildcards(source))
        {
            sources = Wildcards.Resolve(sourceRoot, source, action.FollowSymlinks);
            if (sources.Count == 0)
            {
                if (action.AllowEmptyWildcard)
                {
                    return;
                }

                throw new KilnException(ErrorCodes.CopySourceNotFound, $"\"{source}\": not found");
            }
        }

        foreach (var path in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (action.AttemptUnpack
                && await ArchiveUnpacker.TryUnpackAsync(sourceRoot, path, destinationRoot, destination, owner, action.Timestamp, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            copier.Copy(sourceRoot, path, destinationRoot, destination);
        }
    }

    /// <summary>A matcher for copy filters, or null when there are none.</summary>
    public static IgnoreMatcher? Matcher(System.Collections.Immutable.ImmutableArray<string> patterns)
    {
        if (patterns.IsDefaultOrEmpty)
        {
            return null;
        }

        var matcher = IgnoreMatcher.Create(patterns, out var errors);
        return errors.IsEmpty ? matcher : throw new KilnException(ErrorCodes.InvalidIgnorePattern, errors[0]);
    }
}
