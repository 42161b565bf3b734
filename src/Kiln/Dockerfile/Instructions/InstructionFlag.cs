using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>One <c>--name[=value]</c> flag as written; Value is null when no '=' was given.</summary>
internal sealed record InstructionFlag(string Name, string? Value, Word Source)
{
    /// <summary>The value as a raw word positioned on the flag (expansion happens later).</summary>
    public Word ValueWord => new(Value ?? "", Source.Span);
}
