using System.Collections.Immutable;

namespace Kiln.Snapshots;

/// <summary>How to mount a snapshot as a root filesystem, in mount(8) terms: <c>overlay</c> or <c>bind</c>, a source and options.</summary>
internal sealed record SnapshotMount(string Type, string Source, ImmutableArray<string> Options);
