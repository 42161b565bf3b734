using System.Text;
using Kiln.Bake.Hcl.Evaluation;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>Literal template text, escapes already resolved and strip markers applied.</summary>
internal sealed record TemplateLiteralPart(string Text) : TemplatePart
{
    public override void Render(StringBuilder output, EvalContext context) => output.Append(Text);

    public override IEnumerable<VariableExpression> Variables() => [];
}
