using System.Collections.Immutable;
using Kiln.Export.Assembly;
using Kiln.Export.Layers;

namespace Kiln.Export.Outputs;

/// <summary>One parsed <c>--output</c> value: the exporter and its typed options (see <see cref="OutputSpecParser"/>).</summary>
internal sealed record OutputSpec(OutputType Type)
{
    /// <summary>The standard output as a destination (<c>dest=-</c>).</summary>
    public const string Stdout = "-";

    /// <summary>A file or directory, <see cref="Stdout"/>, or null when none was given.</summary>
    public string? Destination { get; init; }

    /// <summary>oci/docker: write a tar (true) or an OCI layout directory (false).</summary>
    public bool Tar { get; init; } = true;

    /// <summary>Image names (<c>name=a,b</c>: several comma-separated); the build's tags are added by the pipeline.</summary>
    public ImmutableArray<string> Names { get; init; } = [];

    public bool Push { get; init; }

    public bool PushByDigest { get; init; }

    public bool NameCanonical { get; init; }

    public bool Insecure { get; init; }

    /// <summary>image: record the image in kiln's local store (store=false: only push).</summary>
    public bool Store { get; init; } = true;

    /// <summary>image: unpack the image's layers as snapshots (kiln keeps the build's snapshots, so this changes nothing).</summary>
    public bool Unpack { get; init; } = true;

    /// <summary>image without a name: store it as <c>PREFIX@DIGEST</c>.</summary>
    public string? DanglingNamePrefix { get; init; }

    /// <summary>tar/local with several platforms: one subdirectory per platform (default on).</summary>
    public bool PlatformSplit { get; init; } = true;

    /// <summary>Layer bytes and media types; OCI types are the default only for type=oci.</summary>
    public LayerOptions Layers { get; init; } = LayerOptions.Default;

    /// <summary>Clamp file mtimes in new layers to SOURCE_DATE_EPOCH.</summary>
    public bool RewriteTimestamp { get; init; }

    /// <summary>SOURCE_DATE_EPOCH given as an exporter option (it wins over the build's).</summary>
    public long? SourceDateEpoch { get; init; }

    public ImmutableArray<ImageAnnotation> Annotations { get; init; } = [];

    /// <summary>Every key=value as given (lower-case keys), for options passed through untouched.</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public bool IsImage => (Type & OutputType.Images) != 0;

    /// <summary>type=docker without a destination: the image is meant to be loaded into a Docker Engine.</summary>
    public bool LoadsIntoDocker => Type == OutputType.Docker && Destination is null;

    /// <summary>The image options this output needs, with the build's epoch and annotations (<c>--annotation</c>) added.</summary>
    public ImageOptions ImageOptions(long? buildEpoch, IEnumerable<ImageAnnotation> extraAnnotations)
    {
        var epoch = SourceDateEpoch ?? buildEpoch;
        return new ImageOptions
        {
            Layers = Layers with { ClampMtime = RewriteTimestamp ? epoch : null },
            Annotations = [.. extraAnnotations, .. Annotations],
            SourceDateEpoch = epoch,
        };
    }
}
