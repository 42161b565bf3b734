using System.Collections.Immutable;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>
/// The static paths an expression reads from its scope: <c>target.web.tags[0]</c> gives <c>["target", "web", "tags", "0"]</c>.
/// A path stops at the first step whose key is computed. Iteration variables of <c>for</c> are not references.
/// Bake uses this to evaluate only what a target needs, and to order or reject cycles between globals.
/// </summary>
internal static class ReferencePaths
{
    public static IEnumerable<ImmutableArray<string>> Of(Expression expression) => Walk(expression, ImmutableHashSet<string>.Empty);

    private static IEnumerable<ImmutableArray<string>> Walk(Expression expression, ImmutableHashSet<string> bound)
    {
        if (TryPath(expression, out var root, out var steps))
        {
            if (!bound.Contains(root.Name))
            {
                yield return [root.Name, .. steps];
            }

            foreach (var key in ComputedKeys(expression))
            {
                foreach (var path in Walk(key, bound))
                {
                    yield return path;
                }
            }

            yield break;
        }

        var inner = expression switch
        {
            ForExpression f => WalkFor(f, bound),
            TemplateExpression t => t.Parts.SelectMany(p => WalkPart(p, bound)),
            _ => expression.Children.SelectMany(c => Walk(c, bound)),
        };
        foreach (var path in inner)
        {
            yield return path;
        }
    }

    private static IEnumerable<ImmutableArray<string>> WalkFor(ForExpression f, ImmutableHashSet<string> bound)
    {
        var inside = bound.Add(f.ValueVariable);
        inside = f.KeyVariable is null ? inside : inside.Add(f.KeyVariable);
        return Walk(f.Collection, bound).Concat(
            new[] { f.KeyResult, f.ValueResult, f.Condition }.OfType<Expression>().SelectMany(e => Walk(e, inside)));
    }

    private static IEnumerable<ImmutableArray<string>> WalkPart(TemplatePart part, ImmutableHashSet<string> bound) => part switch
    {
        TemplateInterpolationPart i => Walk(i.Expression, bound),
        TemplateIfPart i => Walk(i.Condition, bound).Concat(i.Then.Concat(i.Else).SelectMany(p => WalkPart(p, bound))),
        TemplateForPart f => Walk(f.Collection, bound).Concat(f.Body.SelectMany(p =>
            WalkPart(p, f.KeyVariable is null ? bound.Add(f.ValueVariable) : bound.Add(f.ValueVariable).Add(f.KeyVariable)))),
        _ => [],
    };

    /// <summary>True when the expression is a variable followed by attribute or index steps; steps after a computed key are dropped.</summary>
    private static bool TryPath(Expression expression, out VariableExpression root, out List<string> steps)
    {
        steps = [];
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case VariableExpression v:
                    root = v;
                    steps.Reverse();
                    return true;
                case GetAttributeExpression a:
                    steps.Add(a.Name);
                    current = a.Source;
                    break;
                case IndexExpression i when StaticKey(i.Key) is { } key:
                    steps.Add(key);
                    current = i.Source;
                    break;
                case IndexExpression i:
                    steps.Clear();
                    current = i.Source;
                    break;
                default:
                    root = null!;
                    return false;
            }
        }
    }

    private static IEnumerable<Expression> ComputedKeys(Expression expression)
    {
        for (var current = expression; ;)
        {
            switch (current)
            {
                case GetAttributeExpression a:
                    current = a.Source;
                    break;
                case IndexExpression i:
                    if (StaticKey(i.Key) is null)
                    {
                        yield return i.Key;
                    }

                    current = i.Source;
                    break;
                default:
                    yield break;
            }
        }
    }

    private static string? StaticKey(Expression key) => key switch
    {
        LiteralExpression l when HclConvert.TryToString(l.Value, out var s) => s,
        TemplateExpression { Parts: [] } => "",
        TemplateExpression { Parts: [TemplateLiteralPart literal] } => literal.Text,
        _ => null,
    };
}
