namespace Kiln.Bake.Hcl.Values;

/// <summary>A boolean value.</summary>
internal sealed class HclBool(bool value) : HclValue
{
    public bool Value { get; } = value;

    public override HclValueKind Kind => HclValueKind.Bool;

    public override bool Equals(HclValue? other) => other is HclBool b && b.Value == Value;

    public override int GetHashCode() => Value ? 1 : 0;
}
