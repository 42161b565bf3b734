using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Types;

/// <summary>Reads a type constraint from the expression of a <c>type =</c> attribute (not evaluated: type names are keywords).</summary>
internal static class TypeExpression
{
    public static HclType Parse(Expression expression) => Parse(expression, allowOptional: false);

    private static HclType Parse(Expression expression, bool allowOptional) => expression switch
    {
        VariableExpression { Name: "any" } => HclType.Any,
        VariableExpression { Name: "string" } => HclType.String,
        VariableExpression { Name: "number" } => HclType.Number,
        VariableExpression { Name: "bool" } => HclType.Bool,
        VariableExpression v => throw Invalid($"The keyword \"{v.Name}\" is not a valid type specification", v.Span),
        FunctionCallExpression call => ParseCall(call),
        _ => throw Invalid("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string)", expression.Span),
    };

    private static HclType ParseCall(FunctionCallExpression call)
    {
        if (call.Arguments.Length != 1 || call.ExpandFinal)
        {
            throw Invalid($"The {call.Name} type constructor requires one argument", call.Span);
        }

        var argument = call.Arguments[0];
        return call.Name switch
        {
            "list" => HclType.List(Parse(argument)),
            "set" => HclType.Set(Parse(argument)),
            "map" => HclType.Map(Parse(argument)),
            "tuple" when argument is TupleExpression tuple => HclType.Tuple(tuple.Items.Select(Parse)),
            "tuple" => throw Invalid("The tuple type constructor requires a list of element types", argument.Span),
            "object" when argument is ObjectExpression obj => ParseObject(obj),
            "object" => throw Invalid("The object type constructor requires an object of attribute types", argument.Span),
            _ => throw Invalid($"Keyword \"{call.Name}\" is not a valid type constructor", call.NameSpan),
        };
    }

    private static HclType ParseObject(ObjectExpression obj)
    {
        var attributes = new Dictionary<string, HclType>(StringComparer.Ordinal);
        var optional = new List<string>();
        foreach (var item in obj.Items)
        {
            if (item.Key is not LiteralExpression { Value: HclString key })
            {
                throw Invalid("Object constructor attribute names must be plain identifiers", item.Key.Span);
            }

            if (item.Value is FunctionCallExpression { Name: "optional", Arguments: [var inner] })
            {
                optional.Add(key.Value);
                attributes[key.Value] = Parse(inner);
            }
            else
            {
                attributes[key.Value] = Parse(item.Value);
            }
        }

        return HclType.Object(attributes, optional);
    }

    private static KilnException Invalid(string message, SourceSpan span) => new(ErrorCodes.HclInvalidTypeExpression, $"Invalid type specification: {message}", span);
}
