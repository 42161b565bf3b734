using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Graph;

namespace Kiln.Solver;

/// <summary>
/// The one place that maps op types to runners; the scheduler knows no op kind. Adding an op means one
/// <c>.With(new XRunner(...))</c> line where the resolver is composed.
/// </summary>
internal sealed class OpResolver
{
    public static readonly OpResolver Empty = new(ImmutableDictionary<Type, IOpRunner>.Empty);

    private readonly ImmutableDictionary<Type, IOpRunner> runners;

    private OpResolver(ImmutableDictionary<Type, IOpRunner> runners) => this.runners = runners;

    /// <summary>A resolver that also runs <typeparamref name="TOp"/> with <paramref name="runner"/>, replacing any earlier runner.</summary>
    public OpResolver With<TOp>(OpRunner<TOp> runner)
        where TOp : Op => new(runners.SetItem(typeof(TOp), runner));

    public IOpRunner Resolve(Vertex vertex) =>
        runners.TryGetValue(vertex.Op.GetType(), out var runner)
            ? runner
            : throw new KilnException(ErrorCodes.NoOpRunner, $"no runner for {vertex.Op.Kind} ops", vertex.Metadata.Source);
}
