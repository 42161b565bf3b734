using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>Stands where parsing failed; the parser already reported why, so evaluating it fails too.</summary>
internal sealed record ErrorExpression(SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) =>
        throw new KilnException(ErrorCodes.HclUnexpectedToken, "The expression could not be parsed", Span);
}
