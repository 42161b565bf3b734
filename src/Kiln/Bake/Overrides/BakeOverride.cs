using System.Collections.Immutable;

namespace Kiln.Bake.Overrides;

/// <summary>
/// What the <c>--set</c> flags say for one target and one key (<c>tags</c>, <c>args.NAME</c>, <c>push</c>):
/// the last single value, every list item in order, whether <c>+=</c> keeps the field's items.
/// </summary>
internal sealed record BakeOverride(string Key, string? Value, ImmutableArray<string> Items, bool Append, string Flag);
