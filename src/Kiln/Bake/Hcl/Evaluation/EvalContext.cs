using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>
/// What an expression may refer to: variables (by value, or resolved on demand) and functions. Child contexts
/// add the iteration variables of <c>for</c> expressions without touching the parent.
/// </summary>
internal sealed class EvalContext
{
    private readonly IReadOnlyDictionary<string, HclValue> _variables;
    private readonly IReadOnlyDictionary<string, HclFunction> _functions;
    private readonly Func<string, HclValue?>? _resolve;
    private readonly EvalContext? _parent;

    /// <param name="variables">Variables known up front.</param>
    /// <param name="functions">Callable functions, usually <see cref="Functions.HclStdlib.Create"/>.</param>
    /// <param name="resolve">Called for names not in <paramref name="variables"/>; returns null when unknown. Lets a caller evaluate lazily.</param>
    public EvalContext(
        IReadOnlyDictionary<string, HclValue>? variables = null,
        IReadOnlyDictionary<string, HclFunction>? functions = null,
        Func<string, HclValue?>? resolve = null)
        : this(variables, functions, resolve, null)
    {
    }

    private EvalContext(
        IReadOnlyDictionary<string, HclValue>? variables,
        IReadOnlyDictionary<string, HclFunction>? functions,
        Func<string, HclValue?>? resolve,
        EvalContext? parent)
    {
        _variables = variables ?? new Dictionary<string, HclValue>();
        _functions = functions ?? new Dictionary<string, HclFunction>();
        _resolve = resolve;
        _parent = parent;
    }

    /// <summary>A child scope with extra variables that shadow this context's.</summary>
    public EvalContext WithVariables(IReadOnlyDictionary<string, HclValue> variables) => new(variables, null, null, this);

    public bool TryGetVariable(string name, out HclValue value)
    {
        for (var c = this; c is not null; c = c._parent)
        {
            if (c._variables.TryGetValue(name, out value!))
            {
                return true;
            }

            if (c._resolve?.Invoke(name) is { } resolved)
            {
                value = resolved;
                return true;
            }
        }

        value = HclValue.Null;
        return false;
    }

    public bool TryGetFunction(string name, out HclFunction function)
    {
        for (var c = this; c is not null; c = c._parent)
        {
            if (c._functions.TryGetValue(name, out function!))
            {
                return true;
            }
        }

        function = null!;
        return false;
    }

    /// <summary>Names of the functions visible here, for "did you mean" hints.</summary>
    public IEnumerable<string> FunctionNames =>
        _parent is null ? _functions.Keys : _functions.Keys.Concat(_parent.FunctionNames);
}
