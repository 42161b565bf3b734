namespace Kiln.Bake.Hcl.Values;

/// <summary>A string value.</summary>
internal sealed class HclString(string value) : HclValue
{
    public string Value { get; } = value;

    public override HclValueKind Kind => HclValueKind.String;

    public override bool Equals(HclValue? other) => other is HclString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
