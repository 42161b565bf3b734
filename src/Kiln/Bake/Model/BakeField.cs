namespace Kiln.Bake.Model;

/// <summary>
/// One target field as declared in <see cref="BakeFields"/>: its buildx JSON name, value shape, merge rule,
/// <c>--set</c> rule with its key, normalization, Compose <c>x-bake</c> rule, print rule.
/// </summary>
internal sealed record BakeField(
    string Name,
    BakeFieldKind Kind,
    BakeMergeRule Merge,
    BakeSetRule Set = BakeSetRule.None,
    string? SetKey = null,
    BakeNormalizeRule Normalize = BakeNormalizeRule.None,
    BakeXBakeRule XBake = BakeXBakeRule.None,
    bool Printed = true,
    string Doc = "")
{
    /// <summary>The key <c>--set</c> uses; buildx spells a few differently from the field (platform, secrets).</summary>
    public string? OverrideKey => Set == BakeSetRule.None ? null : SetKey ?? Name;

    public override string ToString() => Name;
}
