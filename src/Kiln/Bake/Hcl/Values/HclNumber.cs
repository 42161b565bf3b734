namespace Kiln.Bake.Hcl.Values;

/// <summary>A number value of arbitrary precision.</summary>
internal sealed class HclNumber(BigFloat value) : HclValue
{
    public BigFloat Value { get; } = value;

    public override HclValueKind Kind => HclValueKind.Number;

    public override bool Equals(HclValue? other) => other is HclNumber n && n.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}
