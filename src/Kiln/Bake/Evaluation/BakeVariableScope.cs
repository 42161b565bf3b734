using System.Collections.Immutable;
using System.Globalization;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Evaluation;

/// <summary>
/// The global scope of HCL bake files: <c>variable</c> blocks (environment overrides parsed by the default's type),
/// top-level attributes, BAKE_* built-ins and user <c>function</c> blocks, each evaluated on first use.
/// </summary>
internal sealed class BakeVariableScope
{
    private readonly Dictionary<string, HclBlock> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HclAttribute> _attributes = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<string, string> _builtins;
    private readonly Dictionary<string, HclValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _resolving = [];

    public BakeVariableScope(
        IEnumerable<HclBody> bodies,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string> builtins,
        HclFunctionEnvironment functionEnvironment)
    {
        _environment = environment;
        _builtins = builtins;
        var functions = HclStdlib.Create(functionEnvironment).ToBuilder();
        foreach (var body in bodies)
        {
            foreach (var attribute in body.Attributes)
            {
                _attributes[attribute.Name] = attribute;
            }

            foreach (var block in body.BlocksOfType("variable").Where(b => b.Labels.Length == 1))
            {
                _variables[block.Labels[0]] = block;
            }

            foreach (var block in body.BlocksOfType("function").Where(b => b.Labels.Length == 1))
            {
                functions[block.Labels[0]] = UserFunction(block);
            }
        }

        Context = new EvalContext(functions: functions.ToImmutable(), resolve: Resolve);
    }

    /// <summary>The context target and group attributes are evaluated in.</summary>
    public EvalContext Context { get; }

    /// <summary>Names of declared variables, in name order (for <c>--list=variables</c>).</summary>
    public IEnumerable<string> VariableNames => _variables.Keys.Order(StringComparer.Ordinal);

    /// <summary>A variable's value (environment override applied) and its description, if declared.</summary>
    public (HclValue Value, string? Description) Variable(string name)
    {
        var description = _variables.TryGetValue(name, out var block) && block.Body.Attribute("description") is { } d
            && d.Expression.Evaluate(Context) is HclString s ? s.Value : null;
        return (Resolve(name) ?? HclValue.Null, description);
    }

    private HclValue? Resolve(string name)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var isVariable = _variables.TryGetValue(name, out var block);
        if (!isVariable && !_attributes.ContainsKey(name))
        {
            return _builtins.TryGetValue(name, out var builtin) ? HclValue.From(builtin) : null;
        }

        if (_resolving.Contains(name, StringComparer.Ordinal))
        {
            var span = isVariable ? block!.Span : _attributes[name].Span;
            throw new KilnException(ErrorCodes.BakeVariableCycle, $"variable cycle not allowed: {string.Join(" -> ", _resolving)} -> {name}", span);
        }

        _resolving.Add(name);
        try
        {
            var value = isVariable ? Variable(name, block!) : _attributes[name].Expression.Evaluate(Context);
            _values[name] = value;
            return value;
        }
        finally
        {
            _resolving.RemoveAt(_resolving.Count - 1);
        }
    }

    private HclValue Variable(string name, HclBlock block)
    {
        var defaultAttribute = block.Body.Attribute("default");
        var fallback = defaultAttribute?.Expression.Evaluate(Context) ?? HclValue.From("");
        if (!_environment.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var span = defaultAttribute?.Expression.Span ?? block.Span;
        return fallback switch
        {
            HclNull or HclString => HclValue.From(text),
            HclBool => GoBool(text) is { } b ? HclValue.From(b) : throw new KilnException(ErrorCodes.BakeInvalidVariableValue, $"failed to parse {name} as bool: \"{text}\"", span),
            HclNumber => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && BigFloat.TryParse(text, out var n)
                ? HclValue.From(n)
                : throw new KilnException(ErrorCodes.BakeInvalidVariableValue, $"failed to parse {name} as number: \"{text}\"", span),
            _ => throw new KilnException(ErrorCodes.BakeInvalidVariableValue, $"unsupported type {fallback.TypeName} for variable {name}", span),
        };
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    public static bool? GoBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    private HclFunction UserFunction(HclBlock block)
    {
        var name = block.Labels[0];
        var parameters = block.Body.Attribute("params")?.Expression is TupleExpression tuple && tuple.Items.All(i => i is VariableExpression)
            ? tuple.Items.Cast<VariableExpression>().Select(v => v.Name).ToImmutableArray()
            : throw new KilnException(ErrorCodes.BakeInvalidFunction, $"function {name} needs params = [names...]", block.Span);
        var variadic = block.Body.Attribute("variadic_params")?.Expression switch
        {
            null => null,
            VariableExpression v => v.Name,
            var other => throw new KilnException(ErrorCodes.BakeInvalidFunction, $"function {name}: variadic_params must be a name", other.Span),
        };
        var result = block.Body.Attribute("result")?.Expression
            ?? throw new KilnException(ErrorCodes.BakeMissingAttribute, $"function {name} needs a result", block.Span);
        return new HclFunction(name, parameters.Length, variadic is null ? parameters.Length : null, args =>
        {
            var locals = new Dictionary<string, HclValue>(StringComparer.Ordinal);
            for (var i = 0; i < parameters.Length; i++)
            {
                locals[parameters[i]] = args[i];
            }

            if (variadic is not null)
            {
                locals[variadic] = HclValue.Tuple(args.Values.Skip(parameters.Length));
            }

            return result.Evaluate(Context.WithVariables(locals));
        });
    }
}
