namespace Kiln.Bake.Hcl.Expressions;

/// <summary>The prefix operators.</summary>
internal enum UnaryOperator
{
    Negate,
    Not,
}
