namespace Kiln.Export.Outputs;

/// <summary>
/// One <c>--output</c> key: the exporters it belongs to and how its value changes the spec (null from
/// <see cref="Apply"/> with an error text when the value is invalid).
/// </summary>
internal sealed record OutputOption(string Key, OutputType Types, Func<OutputSpec, string, OutputOptionResult> Apply);

/// <summary>The spec after one option, or the error its value caused.</summary>
internal readonly record struct OutputOptionResult(OutputSpec? Spec, string? Error)
{
    public static implicit operator OutputOptionResult(OutputSpec spec) => new(spec, null);

    public static OutputOptionResult Invalid(string error) => new(null, error);
}
