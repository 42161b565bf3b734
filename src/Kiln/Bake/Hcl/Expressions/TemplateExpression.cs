using System.Collections.Immutable;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>
/// A quoted or heredoc template. A template that is exactly one interpolation (<c>"${x}"</c>) yields the
/// interpolated value itself, unconverted, as HCL's template wrapping does.
/// </summary>
internal sealed record TemplateExpression(ImmutableArray<TemplatePart> Parts, SourceSpan Span) : Expression(Span)
{
    public bool IsWrap => Parts is [TemplateInterpolationPart];

    public override HclValue Evaluate(EvalContext context)
    {
        if (Parts is [TemplateInterpolationPart only])
        {
            return only.Expression.Evaluate(context);
        }

        if (Parts.IsEmpty)
        {
            return HclValue.From("");
        }

        var sb = new StringBuilder();
        foreach (var part in Parts)
        {
            part.Render(sb, context);
        }

        return HclValue.From(sb.ToString());
    }

    public override IEnumerable<VariableExpression> Variables() => Parts.SelectMany(p => p.Variables());
}
