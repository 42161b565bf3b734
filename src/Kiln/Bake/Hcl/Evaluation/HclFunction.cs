using System.Collections.Immutable;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>
/// A function callable from HCL. <see cref="Invoke"/> receives evaluated arguments; a lazy function
/// (<c>try</c>, <c>can</c>) receives thunks instead and decides which to evaluate.
/// </summary>
internal sealed record HclFunction(string Name, int MinArguments, int? MaxArguments, Func<FunctionArguments, HclValue> Invoke)
{
    public Func<ImmutableArray<Func<HclValue>>, HclValue>? LazyInvoke { get; init; }

    public static HclFunction Fixed(string name, int count, Func<FunctionArguments, HclValue> invoke) => new(name, count, count, invoke);

    public static HclFunction Variadic(string name, int min, Func<FunctionArguments, HclValue> invoke) => new(name, min, null, invoke);
}
