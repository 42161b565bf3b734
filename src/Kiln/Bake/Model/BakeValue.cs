namespace Kiln.Bake.Model;

/// <summary>The value of one target field after evaluation: a string, a bool, a list or a map.</summary>
internal abstract record BakeValue;
