using System.Text;
using Kiln.Bake.Hcl.Evaluation;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>A piece of a string template: literal text, an interpolation, or an if/for directive.</summary>
internal abstract record TemplatePart
{
    public abstract void Render(StringBuilder output, EvalContext context);

    public abstract IEnumerable<VariableExpression> Variables();
}
