using System.Collections.Immutable;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>%{ for k, v in coll }...%{ endfor }</c>.</summary>
internal sealed record TemplateForPart(string? KeyVariable, string ValueVariable, Expression Collection, ImmutableArray<TemplatePart> Body) : TemplatePart
{
    public override void Render(StringBuilder output, EvalContext context)
    {
        foreach (var (key, value) in ForExpression.Iterate(Collection.Evaluate(context), Collection.Span))
        {
            var scope = new Dictionary<string, HclValue>(StringComparer.Ordinal) { [ValueVariable] = value };
            if (KeyVariable is not null)
            {
                scope[KeyVariable] = key;
            }

            var child = context.WithVariables(scope);
            foreach (var part in Body)
            {
                part.Render(output, child);
            }
        }
    }

    public override IEnumerable<VariableExpression> Variables() =>
        Collection.Variables().Concat(Body.SelectMany(p => p.Variables()).Where(v => v.Name != ValueVariable && v.Name != KeyVariable));
}
