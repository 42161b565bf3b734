using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary><c>name(arg, ...)</c>; with <see cref="ExpandFinal"/> the last argument's elements become separate arguments.</summary>
internal sealed record FunctionCallExpression(string Name, ImmutableArray<Expression> Arguments, bool ExpandFinal, SourceSpan NameSpan, SourceSpan Span)
    : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context)
    {
        if (!context.TryGetFunction(Name, out var function))
        {
            var hint = Suggestion.Closest(Name, context.FunctionNames) is { } near ? $"; did you mean \"{near}\"?" : "";
            throw new KilnException(ErrorCodes.HclUnknownFunction, $"Call to unknown function: there is no function named \"{Name}\"{hint}", NameSpan);
        }

        if (function.LazyInvoke is { } lazy)
        {
            return Call(() => lazy([.. Arguments.Select(a => (Func<HclValue>)(() => a.Evaluate(context)))]));
        }

        var values = ImmutableArray.CreateBuilder<HclValue>(Arguments.Length);
        for (var i = 0; i < Arguments.Length; i++)
        {
            var value = Arguments[i].Evaluate(context);
            if (ExpandFinal && i == Arguments.Length - 1)
            {
                values.AddRange(value switch
                {
                    HclTuple t => t.Items,
                    HclNull => throw new KilnException(ErrorCodes.HclNullValue, "Invalid expanding argument value: the expanding argument (indicated by ...) must not be null", Arguments[i].Span),
                    _ => throw new KilnException(ErrorCodes.HclTypeMismatch, $"Invalid expanding argument value: the expanding argument (indicated by ...) must be of a tuple, list, or set type, not {value.TypeName}", Arguments[i].Span),
                });
            }
            else
            {
                values.Add(value);
            }
        }

        if (values.Count < function.MinArguments || (function.MaxArguments is { } max && values.Count > max))
        {
            var expected = function.MaxArguments == function.MinArguments ? $"{function.MinArguments}" : $"at least {function.MinArguments}";
            throw new KilnException(ErrorCodes.HclInvalidFunctionArguments, $"Invalid number of arguments: function \"{Name}\" expects {expected}, got {values.Count}", Span);
        }

        var arguments = new FunctionArguments(Name, values.ToImmutable());
        return Call(() => function.Invoke(arguments));
    }

    public override IEnumerable<Expression> Children => Arguments;

    private HclValue Call(Func<HclValue> invoke)
    {
        try
        {
            return invoke();
        }
        catch (HclFunctionException e)
        {
            var span = e.Argument is { } i && i < Arguments.Length && !ExpandFinal ? Arguments[i].Span : Span;
            throw new KilnException(ErrorCodes.HclFunctionCallFailed, $"Error in function call: call to function \"{Name}\" failed: {e.Message}", span);
        }
    }
}
