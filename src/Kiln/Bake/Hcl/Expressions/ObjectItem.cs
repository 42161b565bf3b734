namespace Kiln.Bake.Hcl.Expressions;

/// <summary>One <c>key = value</c> item of an object constructor; a bare identifier key is already a string literal here.</summary>
internal sealed record ObjectItem(Expression Key, Expression Value);
