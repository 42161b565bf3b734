using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>A reference to a variable by name.</summary>
internal sealed record VariableExpression(string Name, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) =>
        context.TryGetVariable(Name, out var value)
            ? value
            : throw new KilnException(ErrorCodes.HclUnknownVariable, $"Unknown variable: there is no variable named \"{Name}\"", Span);

    public override IEnumerable<VariableExpression> Variables() => [this];
}
