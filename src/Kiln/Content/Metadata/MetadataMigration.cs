namespace Kiln.Content.Metadata;

/// <summary>
/// One numbered schema step of the metadata database. Steps run in order, each at most once, inside the
/// transaction that records them in <c>schema_version</c>; a step is never edited once released.
/// </summary>
internal sealed record MetadataMigration(int Version, string Name, string Sql);
