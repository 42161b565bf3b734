using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Copies <see cref="Source"/> from input <see cref="FromInput"/> to <see cref="Destination"/> (COPY, ADD).</summary>
internal sealed record CopyAction(int FromInput, string Source, string Destination) : FileAction
{
    public FileOwner? Owner { get; init; }

    public int? Mode { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public bool FollowSymlinks { get; init; }

    /// <summary>Copy a directory's contents rather than the directory itself.</summary>
    public bool CopyDirectoryContents { get; init; }

    public bool CreateDestinationPath { get; init; }

    public bool AllowWildcard { get; init; }

    public bool AllowEmptyWildcard { get; init; }

    /// <summary>ADD of a local archive: extract a recognised tar (gzip, bzip2, xz, zstd) instead of copying it.</summary>
    public bool AttemptUnpack { get; init; }

    public ImmutableArray<string> IncludePatterns { get; init; } = [];

    public ImmutableArray<string> ExcludePatterns { get; init; } = [];

    public override string Kind => "copy";

    public override int SourceInput => FromInput;

    /// <summary>What this copy reads from its source input.</summary>
    public PathSelector Selector => new(Source)
    {
        FollowSymlinks = FollowSymlinks,
        AllowWildcard = AllowWildcard,
        IncludePatterns = IncludePatterns,
        ExcludePatterns = ExcludePatterns,
    };

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("input", FromInput);
        writer.WriteString("src", Source);
        writer.WriteString("dest", Destination);
        writer.WriteOwner("owner", Owner);
        writer.WriteNullableNumber("mode", Mode);
        writer.WriteTimestamp("timestamp", Timestamp);
        writer.WriteBoolean("followSymlinks", FollowSymlinks);
        writer.WriteBoolean("dirCopyContents", CopyDirectoryContents);
        writer.WriteBoolean("createDestPath", CreateDestinationPath);
        writer.WriteBoolean("allowWildcard", AllowWildcard);
        writer.WriteBoolean("allowEmptyWildcard", AllowEmptyWildcard);
        writer.WriteStrings("include", IncludePatterns);
        writer.WriteStrings("exclude", ExcludePatterns);
        if (AttemptUnpack)
        {
            writer.WriteBoolean("attemptUnpack", true);
        }
    }
}
