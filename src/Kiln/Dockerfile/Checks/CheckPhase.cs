namespace Kiln.Dockerfile.Checks;

/// <summary>When BuildKit evaluates a rule, which decides whether it still runs after an error.</summary>
internal enum CheckPhase
{
    /// <summary>While instructions are parsed: runs for every instruction before the first error.</summary>
    Parse,

    /// <summary>After parsing, over the stage list and the FROM lines: needs a Dockerfile without errors.</summary>
    Stages,

    /// <summary>While the checked stages are dispatched: needs a Dockerfile without errors.</summary>
    Dispatch,
}
