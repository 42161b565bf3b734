namespace Kiln.Export.Outputs;

/// <summary>
/// One <c>--output</c> key: the exporters it belongs to and how its value changes the spec (null from
/// <see cref="Apply"/> with an error text when the value is invalid).
/// </summary>
internal sealed record OutputOption(string Key, OutputType Types, Func<OutputSpec, string, OutputOptionResult> Apply);
