using System.Collections.Immutable;
using Kiln.Content.Metadata.Migrations;

namespace Kiln.Content.Metadata;

/// <summary>
/// The ordered list of schema steps. To change the schema, add a file under <c>Migrations/</c> and one line here
/// with the next version number.
/// </summary>
internal static class MetadataMigrations
{
    public static ImmutableArray<MetadataMigration> All { get; } =
    [
        Migration0001Meta.Step,
        Migration0002Images.Step,
        Migration0003SolverCache.Step,
        Migration0004Snapshots.Step,
        Migration0005SnapshotLayers.Step,
        Migration0006BlobOrigins.Step,
    ];

    public static int Latest => All[^1].Version;
}
