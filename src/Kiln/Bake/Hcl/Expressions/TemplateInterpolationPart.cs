using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>${ expression }</c> inside a template; the value must convert to a string.</summary>
internal sealed record TemplateInterpolationPart(Expression Expression) : TemplatePart
{
    public override void Render(StringBuilder output, EvalContext context)
    {
        var value = Expression.Evaluate(context);
        if (value.IsNull)
        {
            throw new KilnException(ErrorCodes.HclNullValue, "Invalid template interpolation value: the expression result is null", Expression.Span);
        }

        if (!HclConvert.TryToString(value, out var text))
        {
            throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid template interpolation value: cannot include a {value.TypeName} value in a string template", Expression.Span);
        }

        output.Append(text);
    }

    public override IEnumerable<VariableExpression> Variables() => Expression.Variables();
}
