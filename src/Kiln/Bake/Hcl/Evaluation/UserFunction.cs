using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>
/// A <c>function "name" { params = [a, b] variadic_params = rest result = expr }</c> block turned into an
/// <see cref="HclFunction"/>: the result is evaluated with the parameters bound on top of the global scope.
/// </summary>
internal static class UserFunction
{
    public static HclFunction FromBlock(HclBlock block, Func<EvalContext> globals)
    {
        if (block.Labels.Length != 1)
        {
            throw new KilnException(ErrorCodes.HclInvalidFunctionDefinition, "Invalid function block: a function block needs exactly one label, its name", block.Span);
        }

        var name = block.Labels[0];
        var parameters = Names(block.Body.Attribute("params"), block) ?? [];
        var variadic = block.Body.Attribute("variadic_params") is { } v ? Name(v.Expression) : null;
        var result = block.Body.Attribute("result")?.Expression
            ?? throw new KilnException(ErrorCodes.HclInvalidFunctionDefinition, $"Invalid function block: function \"{name}\" has no result attribute", block.Span);
        return new HclFunction(name, parameters.Count, variadic is null ? parameters.Count : null, arguments =>
        {
            var scope = new Dictionary<string, HclValue>(StringComparer.Ordinal);
            for (var i = 0; i < parameters.Count; i++)
            {
                scope[parameters[i]] = arguments[i];
            }

            if (variadic is not null)
            {
                scope[variadic] = HclValue.Tuple(arguments.Values.Skip(parameters.Count));
            }

            return result.Evaluate(globals().WithVariables(scope));
        });
    }

    private static List<string>? Names(HclAttribute? attribute, HclBlock block)
    {
        if (attribute is null)
        {
            return null;
        }

        if (attribute.Expression is not TupleExpression tuple)
        {
            throw new KilnException(ErrorCodes.HclInvalidFunctionDefinition, "Invalid function block: params must be a list of parameter names", attribute.Expression.Span);
        }

        var names = tuple.Items.Select(Name).ToList();
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? names
            : throw new KilnException(ErrorCodes.HclInvalidFunctionDefinition, $"Invalid function block: duplicate parameter \"{duplicate.Key}\"", block.Span);
    }

    private static string Name(Expression expression) => expression is VariableExpression v
        ? v.Name
        : throw new KilnException(ErrorCodes.HclInvalidFunctionDefinition, "Invalid function block: a parameter name must be a bare identifier", expression.Span);
}
