using System.Collections.Immutable;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Evaluation;

/// <summary>
/// Expands a target block's <c>matrix</c> into one (name, scope) pair per combination, the way buildx orders them:
/// dimensions sorted by name, the first one varying fastest; <c>name</c> is evaluated in each combination's scope.
/// </summary>
internal static class BakeMatrixExpander
{
    public static ImmutableArray<(string Name, EvalContext Context)> Expand(HclBlock block, EvalContext context)
    {
        var label = block.Labels[0];
        var matrixAttribute = block.Body.Attribute("matrix");
        var nameAttribute = block.Body.Attribute("name");
        if (matrixAttribute is null)
        {
            return nameAttribute is null
                ? [(label, context)]
                : throw new KilnException(ErrorCodes.BakeInvalidMatrix, "Invalid name: name requires matrix", nameAttribute.NameSpan);
        }

        var matrix = matrixAttribute.Expression.Evaluate(context);
        if (matrix is not HclObject dimensions)
        {
            throw new KilnException(ErrorCodes.BakeInvalidMatrix, $"matrix must be a map of lists, not {matrix.TypeName}", matrixAttribute.Expression.Span);
        }

        var combinations = Combinations(dimensions, matrixAttribute.Expression.Span);
        if (nameAttribute is null && combinations.Count > 1)
        {
            throw new KilnException(ErrorCodes.BakeInvalidMatrix, $"target {label} has a matrix but no name to tell its targets apart", matrixAttribute.Span);
        }

        var result = ImmutableArray.CreateBuilder<(string, EvalContext)>(combinations.Count);
        foreach (var combination in combinations)
        {
            var scope = context.WithVariables(combination);
            result.Add((nameAttribute is null ? label : Name(nameAttribute, scope), scope));
        }

        return result.MoveToImmutable();
    }

    /// <summary>All combinations of the dimensions' values; the last dimension in name order varies slowest.</summary>
    public static List<Dictionary<string, HclValue>> Combinations(HclObject dimensions, SourceSpan span)
    {
        var result = new List<Dictionary<string, HclValue>> { new(StringComparer.Ordinal) };
        foreach (var (key, values) in dimensions.Attributes.Reverse())
        {
            if (values is not HclTuple tuple)
            {
                throw new KilnException(ErrorCodes.BakeInvalidMatrix, $"matrix dimension {key} must be a list, not {values.TypeName}", span);
            }

            var next = new List<Dictionary<string, HclValue>>(result.Count * tuple.Count);
            foreach (var partial in result)
            {
                foreach (var value in tuple.Items)
                {
                    next.Add(new Dictionary<string, HclValue>(partial, StringComparer.Ordinal) { [key] = value });
                }
            }

            result = next;
        }

        return result;
    }

    private static string Name(HclAttribute attribute, EvalContext context)
    {
        var value = attribute.Expression.Evaluate(context);
        return value is HclString s ? s.Value : throw new KilnException(ErrorCodes.BakeFieldType, $"name must be a string, not {value.TypeName}", attribute.Expression.Span);
    }
}
