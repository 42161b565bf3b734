namespace Kiln.Bake.Model;

/// <summary>The shape of a target field's value.</summary>
internal enum BakeFieldKind
{
    String,
    Bool,
    List,
    /// <summary>A map whose entries may be null (args, labels): nulls are dropped when targets merge.</summary>
    NullableMap,
    Map,
    /// <summary>The HCL <c>matrix</c> attribute: consumed by expansion, never stored on a target.</summary>
    Matrix,
}
