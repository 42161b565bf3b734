namespace Kiln.Dockerfile.Instructions;

/// <summary>Switches for the instruction step.</summary>
/// <param name="Labs">Accept the "labs" flags (COPY/ADD --parents and --exclude, RUN --security) that the stable
/// BuildKit 0.13 frontend rejects as unknown flags.</param>
internal sealed record InstructionParserOptions(bool Labs = false)
{
    public static InstructionParserOptions Default { get; } = new();
}
