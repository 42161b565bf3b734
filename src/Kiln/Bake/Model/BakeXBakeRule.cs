namespace Kiln.Bake.Model;

/// <summary>How a Compose service's <c>x-bake</c> key applies to the target made from its <c>build:</c> section.</summary>
internal enum BakeXBakeRule
{
    /// <summary>Not accepted under x-bake.</summary>
    None,
    /// <summary>Items (a string or a list) are appended, repeats dropped.</summary>
    AppendDedupe,
    /// <summary>The value replaces the field.</summary>
    Replace,
}
