namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>Thrown by a function implementation; the caller turns it into a diagnostic at the call's span.</summary>
internal sealed class HclFunctionException : Exception
{
    public HclFunctionException(string message, int? argument = null)
        : base(message) => Argument = argument;

    public HclFunctionException()
    {
    }

    public HclFunctionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The zero-based argument at fault, if one is.</summary>
    public int? Argument { get; }
}
