namespace Kiln.Bake.Model;

/// <summary>A bool field value (no-cache, pull).</summary>
internal sealed record BakeBool(bool Value) : BakeValue;
