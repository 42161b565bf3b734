namespace Kiln.Bake.Hcl.Values;

/// <summary>The null value.</summary>
internal sealed class HclNull : HclValue
{
    private HclNull()
    {
    }

    public static HclNull Instance { get; } = new();

    public override HclValueKind Kind => HclValueKind.Null;

    public override bool Equals(HclValue? other) => other is HclNull;

    public override int GetHashCode() => 0;
}
