namespace Kiln.DifferentialTests.Build;

/// <summary>What the reference BuildKit did with a case: the OCI archive it wrote (when it succeeded) and its log.</summary>
internal sealed record ReferenceOutcome(int ExitCode, string? Archive, string Log)
{
    public bool Succeeded => ExitCode == 0;
}
