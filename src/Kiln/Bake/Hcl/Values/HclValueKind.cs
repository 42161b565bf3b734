namespace Kiln.Bake.Hcl.Values;

/// <summary>The kind of an HCL value, after cty's primitive and structural types.</summary>
internal enum HclValueKind
{
    Null,
    String,
    Number,
    Bool,

    /// <summary>A sequence: cty's list, tuple or set.</summary>
    Tuple,

    /// <summary>A string-keyed mapping: cty's map or object.</summary>
    Object,
}
