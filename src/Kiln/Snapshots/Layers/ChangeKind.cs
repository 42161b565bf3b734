namespace Kiln.Snapshots.Layers;

/// <summary>What a diff entry records about one path.</summary>
internal enum ChangeKind
{
    /// <summary>The path was added or modified (or is a parent directory of a change): its current state is archived.</summary>
    Add,

    /// <summary>The path was deleted: archived as a <c>.wh.NAME</c> whiteout.</summary>
    Delete,

    /// <summary>The directory hides everything below it in lower layers: archived as <c>.wh..wh..opq</c>.</summary>
    Opaque,
}
