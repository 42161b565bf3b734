namespace Kiln.Export.Outputs;

/// <summary>The spec after one option, or the error its value caused.</summary>
internal readonly record struct OutputOptionResult(OutputSpec? Spec, string? Error)
{
    public static implicit operator OutputOptionResult(OutputSpec spec) => new(spec, null);

    public static OutputOptionResult Invalid(string error) => new(null, error);
}
