namespace Kiln.Solver;

/// <summary>Session-wide scheduler settings.</summary>
internal sealed record SchedulerSettings
{
    public static readonly SchedulerSettings Default = new();

    /// <summary>How many ops execute at once (cache lookups and waiting do not count).</summary>
    public int MaxParallelism { get; init; } = Math.Max(4, Environment.ProcessorCount);
}
