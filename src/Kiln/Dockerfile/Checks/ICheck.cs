namespace Kiln.Dockerfile.Checks;

/// <summary>One build-check rule's logic: it inspects the context and reports findings through it.</summary>
internal interface ICheck
{
    CheckRule Rule { get; }

    /// <summary>When BuildKit runs the rule; later phases need a Dockerfile without errors.</summary>
    CheckPhase Phase { get; }

    void Run(CheckContext context);
}
