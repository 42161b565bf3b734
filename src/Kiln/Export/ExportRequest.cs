using System.Collections.Immutable;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;

namespace Kiln.Export;

/// <summary>
/// What a build exports: one <see cref="ImageInput"/> per platform, the outputs, the <c>-t</c> tags (names of every
/// image output), SOURCE_DATE_EPOCH and the <c>--annotation</c> values.
/// </summary>
internal sealed record ExportRequest(ImmutableArray<ImageInput> Images, ImmutableArray<OutputSpec> Outputs)
{
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>SOURCE_DATE_EPOCH in Unix seconds (from the environment or <c>--build-arg</c>); an output's own wins.</summary>
    public long? SourceDateEpoch { get; init; }

    public ImmutableArray<ImageAnnotation> Annotations { get; init; } = [];

    /// <summary>Where <c>dest=-</c> writes (the process's standard output); null makes such outputs fail.</summary>
    public Func<Stream>? OpenStandardOutput { get; init; }

    /// <summary>Pushes and loads; null makes push=true and docker outputs without dest fail with an explanation.</summary>
    public IImagePublisher? Publisher { get; init; }
}
