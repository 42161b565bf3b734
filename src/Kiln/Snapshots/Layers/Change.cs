namespace Kiln.Snapshots.Layers;

/// <summary>One change of a snapshot against its parent: a relative path, what happened, and where the new state is on disk.</summary>
internal readonly record struct Change(string Path, ChangeKind Kind, string? HostPath);
