using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>A node of the HCL expression tree, with the source range it was parsed from.</summary>
internal abstract record Expression(SourceSpan Span)
{
    /// <summary>Evaluates the expression; user errors throw <see cref="KilnException"/> with a KILN18xx code and a span.</summary>
    public abstract HclValue Evaluate(EvalContext context);

    /// <summary>The direct sub-expressions.</summary>
    public virtual IEnumerable<Expression> Children => [];

    /// <summary>References to variables from the enclosing scope (iteration variables excluded), in source order.</summary>
    public virtual IEnumerable<VariableExpression> Variables() => Children.SelectMany(c => c.Variables());
}
