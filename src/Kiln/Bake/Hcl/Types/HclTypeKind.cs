namespace Kiln.Bake.Hcl.Types;

/// <summary>The kinds of type constraint a <c>type =</c> expression can name.</summary>
internal enum HclTypeKind
{
    Any,
    String,
    Number,
    Bool,
    List,
    Set,
    Map,
    Tuple,
    Object,
}
