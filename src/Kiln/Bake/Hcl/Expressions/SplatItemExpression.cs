using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Expressions;

/// <summary>The current element inside a splat; <see cref="SplatExpression"/> binds it under a name no user variable can have.</summary>
internal sealed record SplatItemExpression(string Key, SourceSpan Span) : Expression(Span)
{
    public override HclValue Evaluate(EvalContext context) =>
        context.TryGetVariable(Key, out var value) ? value : throw new KilnException(ErrorCodes.Internal, "splat item used outside its splat", Span);
}
