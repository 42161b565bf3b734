namespace Kiln.Bake.Model;

/// <summary>A string field value; an empty string is a value, unlike an absent field.</summary>
internal sealed record BakeString(string Value) : BakeValue;
