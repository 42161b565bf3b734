using System.Collections.Immutable;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>%{ if cond }...%{ else }...%{ endif }</c>.</summary>
internal sealed record TemplateIfPart(Expression Condition, ImmutableArray<TemplatePart> Then, ImmutableArray<TemplatePart> Else) : TemplatePart
{
    public override void Render(StringBuilder output, EvalContext context)
    {
        var value = Condition.Evaluate(context);
        if (value.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Invalid template if condition: the condition is null", Condition.Span);
        }

        if (!HclConvert.TryToBool(value, out var which))
        {
            throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid template if condition: a bool is required, not {value.TypeName}", Condition.Span);
        }

        foreach (var part in which ? Then : Else)
        {
            part.Render(output, context);
        }
    }

    public override IEnumerable<VariableExpression> Variables() =>
        Condition.Variables().Concat(Then.SelectMany(p => p.Variables())).Concat(Else.SelectMany(p => p.Variables()));
}
