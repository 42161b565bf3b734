namespace Kiln.Bake.Model;

/// <summary>How <c>--set target.key=value</c> changes a field.</summary>
internal enum BakeSetRule
{
    /// <summary>The field cannot be overridden.</summary>
    None,
    /// <summary>The value replaces the field.</summary>
    Value,
    /// <summary>Every <c>--set</c> for the key adds one item; together they replace the field (<c>+=</c> keeps it).</summary>
    List,
    /// <summary>Every <c>--set</c> for the key adds one item after the field's items.</summary>
    AppendList,
    /// <summary><c>key.NAME=value</c> sets one entry; args without a value read the environment.</summary>
    Entry,
    /// <summary>The value is parsed as a Go bool (1, t, T, TRUE, true, True, 0, f, ...).</summary>
    Bool,
}
