using System.Collections.Immutable;

namespace Kiln.Bake.Model;

/// <summary>An ordered list of strings (tags, platforms, output, ...).</summary>
internal sealed record BakeList(ImmutableArray<string> Items) : BakeValue
{
    public bool Equals(BakeList? other) => other is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal);

    public override int GetHashCode() => Items.Length;
}
