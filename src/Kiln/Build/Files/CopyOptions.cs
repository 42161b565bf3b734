using Kiln.Context;

namespace Kiln.Build.Files;

/// <summary>How <see cref="TreeCopier"/> copies: overrides of owner, mode or time, path filters, the directory rules.</summary>
internal sealed record CopyOptions
{
    /// <summary>A verbatim copy: ownership, modes and times of the source, directory contents merged into the target.</summary>
    public static readonly CopyOptions Verbatim = new() { CopyDirectoryContents = true };

    /// <summary>The owner of every copied or created path; null keeps the source's.</summary>
    public FileUser? Owner { get; init; }

    /// <summary>Permission bits (with setuid, setgid, sticky) of every copied path; null keeps the source's.</summary>
    public int? Mode { get; init; }

    /// <summary>The modification time of every copied or created path; null keeps the source's (created directories get now).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Patterns relative to the copied source; a path is copied only when one matches it or an ancestor.</summary>
    public IgnoreMatcher? Include { get; init; }

    /// <summary>Patterns relative to the copied source; a matching path (and everything beneath it) is left out.</summary>
    public IgnoreMatcher? Exclude { get; init; }

    public bool CopyDirectoryContents { get; init; }

    /// <summary>Follow a symlink named by the source path itself (symlinks beneath it are always copied as links).</summary>
    public bool FollowLinks { get; init; }
}
