namespace Kiln.Bake.Hcl.Expressions;

/// <summary>The binary operators, grouped by precedence from lowest to highest.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
