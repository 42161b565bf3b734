using System.Globalization;
using Kiln.Bake.Hcl.Types;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>
/// The global scope of bake HCL files: <c>variable</c> blocks (default, <c>type</c>, <c>validation</c>, environment
/// overrides), top-level attributes, <c>function</c> blocks and built-ins such as BAKE_CMD_CONTEXT. Each global is
/// evaluated on first use only, once, and a reference cycle is reported instead of recursing forever.
/// </summary>
internal sealed class GlobalScope
{
    private static readonly Dictionary<string, bool> GoBools = new(StringComparer.Ordinal)
    {
        ["1"] = true, ["t"] = true, ["T"] = true, ["TRUE"] = true, ["true"] = true, ["True"] = true,
        ["0"] = false, ["f"] = false, ["F"] = false, ["FALSE"] = false, ["false"] = false, ["False"] = false,
    };

    private readonly Dictionary<string, HclBlock> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HclAttribute> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HclValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = [];
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<string, HclValue> _builtins;

    /// <param name="bodies">The files' bodies in order; a later definition of the same name wins.</param>
    /// <param name="environment">Environment variables that override <c>variable</c> defaults.</param>
    /// <param name="builtins">Values used when no file defines the name (BAKE_CMD_CONTEXT, BAKE_LOCAL_PLATFORM).</param>
    /// <param name="stdlib">The built-in functions, usually from <see cref="Functions.HclStdlib.Create"/>.</param>
    public GlobalScope(
        IEnumerable<HclBody> bodies,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, HclValue> builtins,
        IReadOnlyDictionary<string, HclFunction> stdlib)
    {
        _environment = environment;
        _builtins = builtins;
        var functions = new Dictionary<string, HclFunction>(stdlib, StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            foreach (var block in body.Blocks)
            {
                if (block.Type == "variable")
                {
                    _variables[Label(block)] = block;
                }
                else if (block.Type == "function")
                {
                    var function = UserFunction.FromBlock(block, () => Context!);
                    functions[function.Name] = function;
                }
            }

            foreach (var attribute in body.Attributes)
            {
                _attributes[attribute.Name] = attribute;
            }
        }

        Context = new EvalContext(functions: functions, resolve: Resolve);
    }

    /// <summary>The context target attributes are evaluated in: every global and every function.</summary>
    public EvalContext Context { get; }

    /// <summary>Names declared by <c>variable</c> blocks, in name order (for <c>--list=variables</c>).</summary>
    public IEnumerable<string> VariableNames => _variables.Keys.Order(StringComparer.Ordinal);

    public HclBlock? VariableBlock(string name) => _variables.GetValueOrDefault(name);

    /// <summary>The value of a global, evaluating it now if needed; throws <see cref="KilnException"/> on errors or unknown names.</summary>
    public HclValue Get(string name) =>
        Resolve(name) ?? throw new KilnException(ErrorCodes.HclUnknownVariable, $"Unknown variable: there is no variable named \"{name}\"");

    private HclValue? Resolve(string name)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var isVariable = _variables.TryGetValue(name, out var block);
        if (!isVariable && !_attributes.ContainsKey(name))
        {
            return _builtins.GetValueOrDefault(name);
        }

        var span = isVariable ? block!.Span : _attributes[name].Span;
        if (_inProgress.Contains(name))
        {
            var chain = string.Join(" -> ", _inProgress.SkipWhile(n => n != name).Append(name));
            throw new KilnException(ErrorCodes.HclVariableCycle, $"Variable cycle: {chain}", span);
        }

        _inProgress.Add(name);
        try
        {
            var value = isVariable ? EvaluateVariable(name, block!) : _attributes[name].Expression.Evaluate(Context);
            _values[name] = value;
            if (isVariable)
            {
                Validate(name, block!);
            }

            return value;
        }
        catch
        {
            _values.Remove(name);
            throw;
        }
        finally
        {
            _inProgress.RemoveAt(_inProgress.Count - 1);
        }
    }

    private HclValue EvaluateVariable(string name, HclBlock block)
    {
        var type = block.Body.Attribute("type") is { } t ? TypeExpression.Parse(t.Expression) : null;
        var defaultExpression = block.Body.Attribute("default")?.Expression;
        HclValue value;
        if (_environment.TryGetValue(name, out var text))
        {
            value = FromEnvironment(name, text, type, defaultExpression?.Evaluate(Context), block);
        }
        else if (defaultExpression is not null)
        {
            value = defaultExpression.Evaluate(Context);
        }
        else
        {
            value = type is null ? HclValue.From("") : HclValue.Null;
        }

        if (type is not null && !TypeConverter.TryConvert(value, type, out value, out var error))
        {
            throw new KilnException(ErrorCodes.HclInvalidVariableValue, $"Invalid value for variable {name}: {error}", defaultExpression?.Span ?? block.Span);
        }

        return value;
    }

    /// <summary>An environment override: read by the declared type, else by the default's type, as buildx does.</summary>
    private static HclValue FromEnvironment(string name, string text, HclType? type, HclValue? defaultValue, HclBlock block)
    {
        if (type is not null)
        {
            return TypeConverter.TryParseString(text, type, out var typed, out var error)
                ? typed
                : throw new KilnException(ErrorCodes.HclInvalidVariableValue, $"Invalid value: failed to parse {name} as {type}: {error}", block.Span);
        }

        switch (defaultValue)
        {
            case null or HclNull or HclString:
                return HclValue.From(text);
            case HclBool:
                return GoBools.TryGetValue(text, out var b)
                    ? HclValue.From(b)
                    : throw new KilnException(ErrorCodes.HclInvalidVariableValue, $"Invalid value: failed to parse {name} as bool: \"{text}\"", block.Span);
            case HclNumber:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                    ? HclValue.From(BigFloat.FromDouble(d))
                    : throw new KilnException(ErrorCodes.HclInvalidVariableValue, $"Invalid value: failed to parse {name} as number: \"{text}\"", block.Span);
            default:
                throw new KilnException(ErrorCodes.HclInvalidVariableValue, $"Invalid value: unsupported type {defaultValue.TypeName} for variable {name}", block.Span);
        }
    }

    private void Validate(string name, HclBlock block)
    {
        foreach (var validation in block.Body.BlocksOfType("validation"))
        {
            var condition = validation.Body.Attribute("condition")
                ?? throw new KilnException(ErrorCodes.HclInvalidVariableDefinition, $"Invalid validation block for variable {name}: a condition is required", validation.Span);
            var result = condition.Expression.Evaluate(Context);
            if (!HclConvert.TryToBool(result, out var ok))
            {
                throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid validation condition for variable {name}: a bool is required, not {result.TypeName}", condition.Expression.Span);
            }

            if (!ok)
            {
                var message = validation.Body.Attribute("error_message")?.Expression.Evaluate(Context) is HclString s ? s.Value : $"validation failed for variable {name}";
                throw new KilnException(ErrorCodes.HclValidationFailed, message, condition.Expression.Span);
            }
        }
    }

    private static string Label(HclBlock block) => block.Labels.Length == 1
        ? block.Labels[0]
        : throw new KilnException(ErrorCodes.HclInvalidVariableDefinition, "Invalid variable block: a variable block needs exactly one label, its name", block.Span);
}
